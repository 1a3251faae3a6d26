"use client";

import { Archive, ArchiveRestore, Pencil, Plus, Scale } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button, buttonClass } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { TextField } from "@/components/ui/field";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/lazy-toast";
import { PageHeader } from "@/components/ui/page-header";
import { SecretPanel } from "@/components/ui/secret-panel";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/client/api-fetch";
import type { EvaluatorView } from "@/lib/evaluators/evaluator-view";
import type { EvaluatorKindInfo } from "@/lib/evaluators/list-evaluator-kinds";

import { EvaluatorEditor } from "./evaluator-editor";

type Props = {
  projectSlug: string;
  evaluators: EvaluatorView[];
  nextCursor: string | null;
  archived: boolean;
  q: string;
  kinds: EvaluatorKindInfo[];
  providers: { id: string; name: string }[];
  canEdit: boolean;
  canTry: boolean;
};

/** Evaluators: the project's saved checks that eval runs and gates score answers with. */
export function EvaluatorsClient(props: Props) {
  const { projectSlug, evaluators, nextCursor, archived, q, kinds, canEdit } = props;
  const router = useRouter();
  const [editing, setEditing] = useState<null | "new" | EvaluatorView>(null);
  const [secret, setSecret] = useState<{ name: string; secret: string } | null>(null);
  const base = `/p/${projectSlug}/evaluators`;
  const kindLabel = (kind: string) => kinds.find((k) => k.kind === kind)?.label ?? kind;

  async function setArchived(e: EvaluatorView, value: boolean) {
    try {
      await apiFetch(`/api/projects/${projectSlug}/evaluators/${e.id}`, { method: "PATCH", body: { archived: value } });
      toast.success(`${e.name} ${value ? "archived" : "restored"}`);
      router.refresh();
    } catch (error) {
      toast.error((error as Error).message);
    }
  }

  if (editing) {
    const evaluator = editing === "new" ? null : editing;
    return (
      <>
        <PageHeader
          title={evaluator ? evaluator.name : "New evaluator"}
          description="Choose what to check; try it on an example answer before saving."
        />
        <EvaluatorEditor
          projectSlug={projectSlug}
          kinds={kinds}
          providers={props.providers}
          evaluator={evaluator}
          canEdit={canEdit}
          canTry={props.canTry}
          onCancel={() => setEditing(null)}
          onSaved={(saved) => {
            toast.success(`Evaluator ${saved.name} ${evaluator ? "saved" : "created"}`);
            if (saved.secret) setSecret({ name: saved.name, secret: saved.secret });
            setEditing(null);
            router.refresh();
          }}
        />
      </>
    );
  }

  const newButton = canEdit ? (
    <Button icon={Plus} onClick={() => setEditing("new")}>
      New evaluator
    </Button>
  ) : null;
  const empty = evaluators.length === 0 && !nextCursor && !q;

  return (
    <>
      <PageHeader
        title="Evaluators"
        description="Saved checks that score each answer of an eval run: exact text, patterns, JSON, similarity, cost and latency, an LLM judge or your own HTTP endpoint."
        actions={empty && !archived ? null : newButton}
      />
      {secret ? (
        <div className="mb-4">
          <SecretPanel
            label="Signing secret"
            title={`Signing secret of ${secret.name}`}
            secret={secret.secret}
            secretTestId="evaluator-secret"
            note="Your endpoint checks Galley-Signature (v1=HMAC-SHA256 of “timestamp.body”, as webhooks are signed) with it. It is shown once; Galley keeps it encrypted."
            onDone={() => setSecret(null)}
          />
        </div>
      ) : null}
      {!empty || archived ? (
        <form className="mb-4 flex flex-wrap items-end gap-3" role="search" action={base}>
          <div className="w-64 max-w-full">
            <TextField label="Search by name" name="q" type="search" defaultValue={q} />
          </div>
          {archived ? <input type="hidden" name="archived" value="true" /> : null}
          <Button variant="secondary" type="submit">
            Search
          </Button>
          <Link className={buttonClass("ghost")} href={archived ? base : `${base}?archived=true`}>
            <Icon icon={Archive} />
            {archived ? "Show live evaluators" : "Show archived"}
          </Link>
        </form>
      ) : null}
      {empty && !archived ? (
        <EmptyState title="No evaluators yet" action={newButton}>
          An evaluator scores one answer of a prompt: does it contain the refund policy, is it valid JSON, is it under
          200 words, would a judge model call it helpful? Eval runs apply the evaluators you pick to every dataset row,
          and environment gates require them to pass.{" "}
          {canEdit ? "Create one and try it on an example answer." : "Ask an editor of this project to create one."}
        </EmptyState>
      ) : (
        <Table
          aria-label="Evaluators"
          columns={[
            { label: "Name", kind: "name" },
            { label: "Kind", kind: "badge" },
            { label: "Weight", kind: "badge" },
            { label: "Updated", kind: "time" },
            { label: "Actions", kind: "actions" },
          ]}
          empty={archived ? "No archived evaluators." : "No evaluator matches that search."}
        >
          {evaluators.map((e) => (
            <TableRow key={e.id}>
              <TableCell kind="name">
                <div className="flex min-w-0 items-center gap-2">
                  <button
                    type="button"
                    title={e.name}
                    className="flex min-w-0 items-center gap-2 font-medium hover:underline"
                    onClick={() => setEditing(e)}
                  >
                    <Icon icon={Scale} />
                    <span className="truncate">{e.name}</span>
                  </button>
                  {e.negate ? <span className="shrink-0 text-xs text-muted">negated</span> : null}
                </div>
              </TableCell>
              <TableCell kind="badge">{kindLabel(e.kind)}</TableCell>
              <TableCell kind="badge" className="tabular-nums">
                {e.weight}
              </TableCell>
              <TableCell kind="time">
                <Time value={e.updatedAt} />
              </TableCell>
              <TableCell kind="actions">
                <Button variant="ghost" icon={Pencil} onClick={() => setEditing(e)} aria-label={`Open ${e.name}`}>
                  {canEdit ? "Edit" : "Open"}
                </Button>
                {canEdit ? (
                  <Button
                    variant="ghost"
                    icon={e.archived ? ArchiveRestore : Archive}
                    onClick={() => setArchived(e, !e.archived)}
                    aria-label={`${e.archived ? "Restore" : "Archive"} ${e.name}`}
                  >
                    {e.archived ? "Restore" : "Archive"}
                  </Button>
                ) : null}
              </TableCell>
            </TableRow>
          ))}
        </Table>
      )}
      {nextCursor ? (
        <div className="mt-4">
          <Link
            className={buttonClass("secondary")}
            href={`${base}?${new URLSearchParams({ cursor: nextCursor, ...(archived ? { archived: "true" } : {}), ...(q ? { q } : {}) })}`}
          >
            More evaluators
          </Link>
        </div>
      ) : null}
    </>
  );
}
