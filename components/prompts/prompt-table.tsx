import Link from "next/link";
import type { PromptRow } from "@/lib/prompts/list-prompts";
import { Time } from "@/components/ui/time";

export function PromptTable({ projectSlug, prompts, environments, running }: { projectSlug: string; prompts: PromptRow[]; environments: Array<{ slug: string; name: string }>; running: Map<string, Record<string, number>> }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-line bg-surface">
      <table className="w-full text-left" data-testid="prompt-table">
        <thead className="border-b border-line text-xs text-muted">
          <tr>
            <th className="px-4 py-2 font-medium">Name</th>
            <th className="px-4 py-2 font-medium">Type</th>
            <th className="px-4 py-2 font-medium">Latest</th>
            {environments.map((e) => (
              <th key={e.slug} className="px-4 py-2 font-medium">
                {e.name}
              </th>
            ))}
            <th className="px-4 py-2 font-medium">Changed</th>
            <th className="px-4 py-2 font-medium">Tags</th>
          </tr>
        </thead>
        <tbody>
          {prompts.map((p) => (
            <tr key={p.id} className="border-b border-line last:border-0">
              <td className="px-4 py-2">
                <Link href={`/p/${projectSlug}/prompts/${p.name}`} className="font-mono text-[13px] text-accent hover:underline">
                  {p.name}
                </Link>
                {p.description ? <div className="truncate text-xs text-muted">{p.description}</div> : null}
              </td>
              <td className="px-4 py-2 text-muted">{p.type === "CHAT" ? "Chat" : "Text"}</td>
              <td className="px-4 py-2">{p.latestVersion ? `v${p.latestVersion}` : <span className="text-muted">no version</span>}</td>
              {environments.map((e) => {
                const v = running.get(p.id)?.[e.slug];
                return (
                  <td key={e.slug} className={`px-4 py-2 ${v && v !== p.latestVersion ? "text-danger" : ""}`} title={v && v !== p.latestVersion ? "Behind the latest version" : undefined}>
                    {v ? `v${v}` : <span className="text-muted">—</span>}
                  </td>
                );
              })}
              <td className="px-4 py-2 text-muted">
                <Time value={p.updatedAt} />
                {p.changedBy ? <span> · {p.changedBy}</span> : null}
              </td>
              <td className="px-4 py-2">
                <div className="flex flex-wrap gap-1">
                  {p.tags.map((t) => (
                    <span key={t} className="rounded bg-subtle px-1.5 py-0.5 text-xs text-muted">
                      {t}
                    </span>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
