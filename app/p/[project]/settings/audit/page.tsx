import type { Metadata } from "next";
import Link from "next/link";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import {
  auditActionLabel,
  auditActionsIn,
  auditGroupNames,
  auditGroups,
  isAuditAction,
} from "@/lib/audit/audit-actions";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { auditQuerySchema } from "@/lib/validations/project";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | undefined>;

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Search>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "audit.view");
  const parsed = auditQuerySchema.safeParse(Object.fromEntries(Object.entries(search).filter(([, v]) => v)));
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { entries, nextCursor } = await listAuditEntries({ projectId: access.project.id, query });
  const base = `/p/${access.project.slug}/settings/audit`;
  const filters = Object.fromEntries(
    Object.entries({ action: query.action, actor: query.actor, from: query.from, to: query.to }).filter(([, v]) => v),
  ) as Record<string, string>;

  return (
    <div className="space-y-4">
      <form
        method="get"
        action={base}
        className="flex flex-wrap items-end gap-3 rounded-lg border border-line bg-surface p-4"
      >
        <ActionFilter defaultValue={query.action} />
        <Filter label="Actor email contains" name="actor" type="search" placeholder="ana@" defaultValue={query.actor} />
        <Filter label="From" name="from" type="date" defaultValue={query.from} />
        <Filter label="To" name="to" type="date" defaultValue={query.to} />
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {Object.keys(filters).length ? (
          <Link href={base} className={buttonClass("ghost")}>
            Clear
          </Link>
        ) : null}
      </form>
      {!parsed.success ? (
        <Alert>{parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join(" ")}</Alert>
      ) : null}
      <Table
        columns={[
          { label: "When", kind: "time" },
          { label: "Who", kind: "badge" },
          { label: "Action", kind: "badge" },
          { label: "Change", kind: "name" },
          { label: "Request", kind: "mono" },
        ]}
        empty={
          Object.keys(filters).length ? "No entries match these filters." : "Nothing has happened in this project yet."
        }
        data-testid="audit-table"
      >
        {entries.map((e) => (
          <TableRow key={e.id} className="align-top">
            <TableCell kind="time" className="text-muted">
              <Time value={e.createdAt} />
            </TableCell>
            <TableCell kind="badge">
              <span className="block max-w-56 truncate" title={e.actorEmail ?? undefined}>
                {e.actorEmail ?? "system"}
              </span>
            </TableCell>
            {/* An action the catalogue no longer names (an old row) shows as it was stored. */}
            {isAuditAction(e.action) ? (
              <TableCell kind="badge" title={e.action}>
                {auditActionLabel(e.action)}
              </TableCell>
            ) : (
              <TableCell kind="mono">{e.action}</TableCell>
            )}
            <TableCell kind="name" className="text-xs">
              <Change before={e.before} after={e.after} />
            </TableCell>
            <TableCell kind="mono" className="text-muted" title={e.requestId ?? undefined}>
              {e.requestId?.slice(0, 8) ?? "—"}
            </TableCell>
          </TableRow>
        ))}
      </Table>
      <div className="flex gap-2">
        {query.cursor ? (
          <Link href={`${base}?${new URLSearchParams(filters)}`} className={buttonClass("secondary")}>
            Newest
          </Link>
        ) : null}
        {nextCursor ? (
          <Link
            href={`${base}?${new URLSearchParams({ ...filters, cursor: nextCursor })}`}
            className={buttonClass("secondary")}
          >
            Older entries
          </Link>
        ) : null}
      </div>
    </div>
  );
}

function ActionFilter(props: { defaultValue?: string }) {
  return (
    // A label that wraps the select would take the options' text into its name: point at it instead.
    <div className="max-w-full min-w-0 space-y-1">
      <label htmlFor="audit-action" className="block text-xs font-medium text-muted">
        Action
      </label>
      <select
        name="action"
        id="audit-action"
        defaultValue={props.defaultValue ?? ""}
        className="max-w-full rounded-md border border-line bg-surface px-3 py-1.5"
      >
        <option value="">All actions</option>
        {auditGroupNames.map((group) => (
          <optgroup key={group} label={auditGroups[group]}>
            <option value={group}>{auditGroups[group]} (all)</option>
            {auditActionsIn(group).map((action) => (
              <option key={action} value={action}>
                {auditActionLabel(action)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

function Filter(props: { label: string; name: string; type?: string; placeholder?: string; defaultValue?: string }) {
  return (
    <label className="max-w-full min-w-0 space-y-1">
      <span className="block text-xs font-medium text-muted">{props.label}</span>
      <input
        name={props.name}
        type={props.type ?? "text"}
        placeholder={props.placeholder}
        defaultValue={props.defaultValue}
        className="max-w-full rounded-md border border-line bg-surface px-3 py-1.5"
      />
    </label>
  );
}

function Change({ before, after }: { before: unknown; after: unknown }) {
  const show = (v: unknown) =>
    v && typeof v === "object"
      ? Object.entries(v)
          .map(
            ([k, val]) =>
              `${k}: ${typeof val === "string" ? val : Array.isArray(val) && val.every((x) => typeof x === "string") ? val.join(", ") : JSON.stringify(val)}`,
          )
          .join(", ")
      : null;
  const b = show(before);
  const a = show(after);
  // One line each, cut at the column's width; the whole text is in the title.
  return (
    <span className="space-y-0.5">
      {b ? (
        <span className="block truncate text-muted" title={b}>
          <span className="line-through decoration-1">{b}</span>
        </span>
      ) : null}
      {a ? (
        <span className="block truncate" title={a}>
          {a}
        </span>
      ) : null}
      {!a && !b ? <span className="text-muted">—</span> : null}
    </span>
  );
}
