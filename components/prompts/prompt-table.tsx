import { OpenNow } from "@/components/collab/project-presence";
import { PromptLink } from "@/components/prompts/prompt-link";
import { EnvironmentBadge } from "@/components/ui/environment-badge";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { TagChips } from "@/components/ui/tag-chips";
import { Time } from "@/components/ui/time";
import { promptDocName } from "@/lib/collab/prompt-doc";
import type { PromptRow } from "@/lib/prompts/list-prompts";

type Props = {
  projectSlug: string;
  prompts: PromptRow[];
  environments: Array<{ slug: string; name: string }>;
  running: Map<string, Record<string, number>>;
};

/** The environments that run a prompt, as "Production v12" badges (those that run none are left out). */
function RunsIn({
  prompt,
  environments,
  running,
  compact = false,
}: { prompt: PromptRow; compact?: boolean } & Pick<Props, "environments" | "running">) {
  const runs = running.get(prompt.id) ?? {};
  const badges = environments.filter((e) => runs[e.slug]);
  if (badges.length === 0) return <span className="text-xs text-muted">Not deployed</span>;
  return (
    <span className="inline-flex gap-1">
      {badges.map((e) => (
        <EnvironmentBadge
          key={e.slug}
          slug={e.slug}
          name={e.name}
          version={runs[e.slug]}
          behind={runs[e.slug] !== prompt.latestVersion}
          compact={compact}
        />
      ))}
    </span>
  );
}

function NameLink({ href, name, className }: { href: string; name: string; className: string }) {
  return (
    <PromptLink href={href} title={name} className={`font-mono text-[13px] text-accent hover:underline ${className}`}>
      {name}
    </PromptLink>
  );
}

function Changed({ prompt }: { prompt: PromptRow }) {
  return (
    <>
      <Time value={prompt.updatedAt} />
      {prompt.changedBy ? <span> · {prompt.changedBy}</span> : null}
    </>
  );
}

/**
 * The prompt list: a table from the md breakpoint up, whose rows stay one line high (names and
 * descriptions cut with the full text on hover, tags beyond two counted in a "+N" chip); a list of
 * cards below it, so a phone never scrolls sideways. Who has a prompt open now shows beside its
 * name (inside a ProjectPresenceProvider).
 */
export function PromptTable({ projectSlug, prompts, environments, running }: Props) {
  const href = (p: PromptRow) => `/p/${projectSlug}/prompts/${p.name}`;
  const kind = (p: PromptRow) => (p.type === "CHAT" ? "Chat" : "Text");
  if (prompts.length === 0)
    return (
      <div className="rounded-lg border border-dashed border-line bg-surface p-6 text-center text-muted">
        No prompts match. Try another search, or clear the filters.
      </div>
    );
  return (
    <>
      <ul className="space-y-2 md:hidden" data-testid="prompt-cards">
        {prompts.map((p) => (
          <li key={p.id} className="relative rounded-lg border border-line bg-surface px-4 py-3">
            <div className="flex items-baseline justify-between gap-3">
              {/* The link covers the card (after:inset-0), so the whole card opens the prompt. */}
              <span className="flex min-w-0 items-center gap-2">
                <NameLink href={href(p)} name={p.name} className="min-w-0 truncate after:absolute after:inset-0" />
                <OpenNow documentName={promptDocName(p.id)} />
              </span>
              <span className="shrink-0 text-xs text-muted">
                {kind(p)} · {p.latestVersion ? `v${p.latestVersion}` : "no version"}
              </span>
            </div>
            {p.description ? <p className="mt-0.5 line-clamp-2 text-xs text-muted">{p.description}</p> : null}
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1.5">
              <RunsIn prompt={p} environments={environments} running={running} />
              <TagChips tags={p.tags} max={3} />
            </div>
            <div className="mt-1.5 truncate text-xs text-muted">
              Changed <Changed prompt={p} />
            </div>
          </li>
        ))}
      </ul>
      <Table
        className="hidden md:block"
        columns={[
          { label: "Name", kind: "name" },
          { label: "Latest", kind: "badge" },
          { label: "Runs in", kind: "badge" },
          { label: "Changed", kind: "time" },
          { label: "Tags", kind: "badge" },
        ]}
        data-testid="prompt-table"
      >
        {prompts.map((p) => (
          <TableRow key={p.id}>
            <TableCell kind="name">
              {/* As high as the avatars (h-5), so they appear beside the name without moving the row. */}
              <div className="flex h-5 min-w-0 items-center gap-2">
                <NameLink href={href(p)} name={p.name} className="min-w-0 truncate" />
                <OpenNow documentName={promptDocName(p.id)} />
              </div>
              <div className="truncate text-xs text-muted" title={p.description || undefined}>
                {kind(p)}
                {p.description ? ` · ${p.description}` : null}
              </div>
            </TableCell>
            <TableCell kind="badge" className="tabular-nums">
              {p.latestVersion ? `v${p.latestVersion}` : <span className="text-muted">none</span>}
            </TableCell>
            <TableCell kind="badge">
              <span data-testid="prompt-environments" className="inline-block">
                <RunsIn prompt={p} environments={environments} running={running} compact />
              </span>
            </TableCell>
            <TableCell kind="time" className="text-muted">
              <span data-testid="prompt-changed" className="inline-block max-w-56 truncate align-middle">
                <Changed prompt={p} />
              </span>
            </TableCell>
            <TableCell kind="badge">
              <span data-testid="prompt-tags" className="inline-block">
                <TagChips tags={p.tags} />
              </span>
            </TableCell>
          </TableRow>
        ))}
      </Table>
    </>
  );
}
