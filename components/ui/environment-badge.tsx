/** The colour family of an environment, read from its slug (custom environments are neutral). */
export type EnvironmentTone = "production" | "staging" | "development" | "other";

export function environmentTone(slug: string): EnvironmentTone {
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

/**
 * "Production v12": which version an environment runs, as a compact chip coloured by the kind of
 * environment. `behind` marks a version older than the prompt's latest.
 */
export function EnvironmentBadge({
  slug,
  name,
  version,
  behind = false,
}: {
  slug: string;
  name: string;
  version?: number | null;
  behind?: boolean;
}) {
  return (
    <span
      data-testid={`env-badge-${slug}`}
      title={behind ? `${name} runs v${version}, behind the latest version` : undefined}
      className={`inline-flex max-w-40 items-center gap-1 rounded px-1.5 py-0.5 text-xs leading-4 whitespace-nowrap ring-1 ring-inset ${toneClass[environmentTone(slug)]}`}
    >
      <span className="truncate">{name}</span>
      {version ? (
        <span className="font-medium tabular-nums">
          {behind ? <span aria-hidden="true">↓</span> : null}v{version}
          {behind ? <span className="sr-only"> (behind the latest)</span> : null}
        </span>
      ) : null}
    </span>
  );
}
