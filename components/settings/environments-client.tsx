"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { EnvironmentGate } from "@/components/settings/environment-gate";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { Icon } from "@/components/ui/icon";
import { toast } from "@/components/ui/lazy-toast";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { EnvironmentView } from "@/lib/environments/list-environments";
import type { GateView } from "@/lib/gates/get-gate";
import type { GateChoices } from "@/lib/gates/list-gate-choices";

/** Settings → Environments: add, rename, reorder, protect and remove environments, and set their evaluation gates. */
export function EnvironmentsClient({
  projectSlug,
  environments,
  gates,
  gateChoices,
}: {
  projectSlug: string;
  environments: EnvironmentView[];
  /** Each gated environment's gate, by slug. */
  gates: Record<string, GateView>;
  gateChoices: GateChoices;
}) {
  const router = useRouter();
  const { busy, error, fields, run } = useRequest();
  // The slug being asked about, and the server's answer when it serves more than this page knew.
  const [confirming, setConfirming] = useState<{ slug: string; message?: string } | null>(null);
  const [removeError, setRemoveError] = useState<string>();
  const { formProps, markSaved } = useFormChanges();
  const base = `/api/projects/${projectSlug}/environments`;
  // A blur or a checkbox saves at once, with nothing else on screen to say so: hence the toast.
  const patch = async (slug: string, body: Record<string, unknown>, done?: string) => {
    if (!(await run(() => apiFetch(`${base}/${slug}`, { method: "PATCH", body })))) return;
    if (done) toast.success(done);
    router.refresh();
  };

  // Confirmed for as many prompts as the dialog named; if that was none and one was deployed
  // since, the server answers 409 and the dialog shows its count before a second click removes it.
  async function remove(environment: EnvironmentView) {
    const slug = environment.slug;
    const confirmed = environment.prompts > 0 || Boolean(confirming?.message);
    setRemoveError(undefined);
    try {
      await apiFetch(`${base}/${slug}${confirmed ? "?confirm=true" : ""}`, { method: "DELETE" });
      setConfirming(null);
      toast.success(`${environment.name} removed.`);
      router.refresh();
    } catch (e) {
      const apiError = e as ApiError;
      if (apiError.status === 409) setConfirming({ slug, message: apiError.message });
      else setRemoveError(apiError.message);
    }
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (
      await run(() => apiFetch(base, { body: { name: form.get("name"), protected: form.get("protected") === "on" } }))
    ) {
      toast.success(`${String(form.get("name")).trim()} added.`);
      formElement.reset();
      markSaved();
      router.refresh();
    }
  }

  return (
    <div className="space-y-8">
      <ul className="divide-y divide-line rounded-lg border border-line bg-surface" aria-label="Environments">
        {environments.map((e, i) => (
          <li key={e.id} className="flex flex-wrap items-center gap-3 px-4 py-3" data-testid={`environment-${e.slug}`}>
            <input
              aria-label={`Name of ${e.slug}`}
              defaultValue={e.name}
              onBlur={(ev) =>
                ev.target.value.trim() &&
                ev.target.value.trim() !== e.name &&
                void patch(e.slug, { name: ev.target.value.trim() }, `Renamed to ${ev.target.value.trim()}.`)
              }
              className="w-40 rounded border border-line bg-surface px-2 py-1"
            />
            <code className="text-xs text-muted">{e.slug}</code>
            <label className="flex items-center gap-1 text-sm">
              <input
                type="checkbox"
                checked={e.protected}
                onChange={(ev) =>
                  void patch(
                    e.slug,
                    { protected: ev.target.checked },
                    ev.target.checked
                      ? `${e.name} is protected: versions arrive through reviews.`
                      : `${e.name} is no longer protected.`,
                  )
                }
              />{" "}
              protected
            </label>
            {e.protected ? (
              <label className="flex items-center gap-1 text-sm text-muted">
                approvals
                <input
                  type="number"
                  min={1}
                  max={10}
                  aria-label={`Required approvals for ${e.slug}`}
                  defaultValue={e.requiredApprovals}
                  onBlur={(ev) =>
                    Number(ev.target.value) !== e.requiredApprovals &&
                    void patch(
                      e.slug,
                      { requiredApprovals: Number(ev.target.value) },
                      `${e.name} needs ${Number(ev.target.value)} approval${Number(ev.target.value) === 1 ? "" : "s"}.`,
                    )
                  }
                  className="w-14 rounded border border-line bg-surface px-2 py-1 text-ink"
                />
              </label>
            ) : null}
            <span className="text-xs text-muted">
              serves {e.prompts} prompt{e.prompts === 1 ? "" : "s"}
            </span>
            <div className="ml-auto flex gap-1">
              <Button
                variant="ghost"
                aria-label={`Move ${e.name} up`}
                disabled={i === 0 || busy}
                onClick={() => patch(e.slug, { position: i - 1 })}
              >
                <Icon icon={ArrowUp} />
              </Button>
              <Button
                variant="ghost"
                aria-label={`Move ${e.name} down`}
                disabled={i === environments.length - 1 || busy}
                onClick={() => patch(e.slug, { position: i + 1 })}
              >
                <Icon icon={ArrowDown} />
              </Button>
              <Button variant="ghost" icon={Trash2} onClick={() => setConfirming({ slug: e.slug })}>
                Remove
              </Button>
            </div>
            <EnvironmentGate
              projectSlug={projectSlug}
              environment={e}
              gate={gates[e.slug] ?? null}
              choices={gateChoices}
            />
            <ConfirmDialog
              open={confirming?.slug === e.slug}
              onOpenChange={(open) => {
                if (!open) setConfirming(null);
                setRemoveError(undefined);
              }}
              title={`Remove ${e.name}?`}
              description={
                e.prompts > 0
                  ? `${e.prompts} prompt${e.prompts === 1 ? " deploys" : "s deploy"} to ${e.name}: apps reading ${e.prompts === 1 ? "it" : "them"} from ${e.slug} get 404 at once.`
                  : `No prompt is deployed to ${e.name}; apps asking for ${e.slug} get 404.`
              }
              cancelLabel="Keep it"
              confirmLabel={`Remove ${e.name}`}
              icon={Trash2}
              error={removeError}
              onConfirm={() => remove(e)}
            >
              {confirming?.message ? (
                <div role="alert" className="rounded-md border border-danger/40 p-2 text-danger">
                  {confirming.message}
                </div>
              ) : null}
              <p className="text-muted">
                Reviews asking to promote to {e.name}
                {gates[e.slug] ? " and its evaluation gate" : ""} are deleted with it; its deployment history stays.
              </p>
            </ConfirmDialog>
          </li>
        ))}
      </ul>
      {error || removeError ? <Alert>{error ?? removeError}</Alert> : null}
      <form
        {...formProps}
        onSubmit={add}
        className="max-w-md space-y-3 rounded-lg border border-line bg-surface p-5"
        noValidate
        aria-label="Add an environment"
      >
        <h2 className="font-semibold">Add an environment</h2>
        <TextField label="Name" name="name" placeholder="QA, EU production…" error={fields.name} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="protected" /> Protected (versions arrive only through approved reviews)
        </label>
        <Button type="submit" busy={busy} icon={Plus}>
          Add environment
        </Button>
      </form>
    </div>
  );
}
