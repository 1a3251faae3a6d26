/** The colour family of an environment, read from its slug (custom environments are neutral). */
export type EnvironmentTone = "production" | "staging" | "development" | "other";

function environmentTone(slug: string): EnvironmentTone {
  if (/^prod/.test(slug)) return "production";
  if (/^(stag|preprod|uat|qa)/.test(slug)) return "staging";
  if (/^(dev|test|local|preview)/.test(slug)) return "development";
  return "other";
}

// Text on its own tint is 4.5:1 or better in both themes (the 800 shades on the 50 tints measure
// 6.3–8.6:1; the 200 shades on the 950 tints 9–12:1).
const toneClass: Record<EnvironmentTone, string> = {
  production: "bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-950 dark:text-rose-200 dark:ring-rose-900",
  staging: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-900",
  development: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-900",
  other: "bg-subtle text-ink ring-line",
};

const shortNames: Partial<Record<EnvironmentTone, string>> = {
  production: "prod",
  staging: "staging",
  development: "dev",
};

/**
 * "Production v12" ("prod v12" when compact): which version an environment runs, as a compact chip coloured by the kind of
 * environment. `behind` marks a version older than the prompt's latest.
 */
export function EnvironmentBadge({
  slug,
  name,
  version,
  behind = false,
  compact = false,
}: {
  slug: string;
  name: string;
  version?: number | null;
  behind?: boolean;
  /** Short names for the usual environments (dense tables); the full name is in the title. */
  compact?: boolean;
}) {
  const tone = environmentTone(slug);
  const label = compact ? (shortNames[tone] ?? name) : name;
  const title =
    label !== name || behind ? `${name}${behind ? ` runs v${version}, behind the latest version` : ""}` : undefined;
  return (
    <span
      data-testid={`env-badge-${slug}`}
      title={title}
      className={`inline-flex ${compact ? "max-w-28" : "max-w-40"} items-center gap-1 rounded px-1.5 py-0.5 text-xs leading-4 whitespace-nowrap ring-1 ring-inset ${toneClass[tone]}`}
    >
      <span className="truncate">{label}</span>
      {/* Read as "Production v12" (flex drops the space from the layout, not from the text). */}
      {version ? " " : null}
      {version ? (
        <span className="font-medium tabular-nums">
          {behind ? <span aria-hidden="true">↓</span> : null}v{version}
          {behind ? <span className="sr-only"> (behind the latest)</span> : null}
        </span>
      ) : null}
    </span>
  );
}
