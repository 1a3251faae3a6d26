import Link from "next/link";

import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { PromptRow } from "@/lib/prompts/list-prompts";

export function PromptTable({
  projectSlug,
  prompts,
  environments,
  running,
}: {
  projectSlug: string;
  prompts: PromptRow[];
  environments: Array<{ slug: string; name: string }>;
  running: Map<string, Record<string, number>>;
}) {
  return (
    <Table
      columns={[
        "Name",
        "Type",
        { label: "Latest", kind: "badge" },
        ...environments.map((e) => ({ label: e.name, key: `env-${e.slug}`, kind: "badge" as const })),
        { label: "Changed", kind: "time" },
        "Tags",
      ]}
      empty="No prompts match. Try another search, or clear the filters."
      data-testid="prompt-table"
    >
      {prompts.map((p) => (
        <TableRow key={p.id}>
          <TableCell>
            <Link
              href={`/p/${projectSlug}/prompts/${p.name}`}
              className="font-mono text-[13px] text-accent hover:underline"
            >
              {p.name}
            </Link>
            {p.description ? <div className="truncate text-xs text-muted">{p.description}</div> : null}
          </TableCell>
          <TableCell className="text-muted">{p.type === "CHAT" ? "Chat" : "Text"}</TableCell>
          <TableCell kind="badge">
            {p.latestVersion ? `v${p.latestVersion}` : <span className="text-muted">no version</span>}
          </TableCell>
          {environments.map((e) => {
            const v = running.get(p.id)?.[e.slug];
            return (
              <TableCell
                key={e.slug}
                kind="badge"
                className={v && v !== p.latestVersion ? "text-danger" : ""}
                title={v && v !== p.latestVersion ? "Behind the latest version" : undefined}
              >
                {v ? `v${v}` : <span className="text-muted">—</span>}
              </TableCell>
            );
          })}
          <TableCell kind="time" className="text-muted">
            <Time value={p.updatedAt} />
            {p.changedBy ? <span> · {p.changedBy}</span> : null}
          </TableCell>
          <TableCell>
            <div className="flex flex-wrap gap-1">
              {p.tags.map((t) => (
                <span key={t} className="rounded bg-subtle px-1.5 py-0.5 text-xs text-muted">
                  {t}
                </span>
              ))}
            </div>
          </TableCell>
        </TableRow>
      ))}
    </Table>
  );
}
