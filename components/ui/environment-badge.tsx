import { armColor } from "@/components/ui/arm-colors";
import { describeArms, type Arm } from "@/lib/releases/arms";

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
 * environment. `behind` marks a version older than the prompt's latest. With `arms` (the environment
 * runs a split) it reads "Production v6 90 % · v7 10 %" over a thin bar of the weights.
 */
export function EnvironmentBadge({
  slug,
  name,
  version,
  behind = false,
  compact = false,
  arms,
}: {
  slug: string;
  name: string;
  version?: number | null;
  arms?: readonly Arm[] | null;
  behind?: boolean;
  /** Short names for the usual environments (dense tables); the full name is in the title. */
  compact?: boolean;
}) {
  const tone = environmentTone(slug);
  const label = compact ? (shortNames[tone] ?? name) : name;
  const split = arms?.length ? describeArms(arms) : null;
  const title = split
    ? `${name} splits its traffic: ${split}`
    : label !== name || behind
      ? `${name}${behind ? ` runs v${version}, behind the latest version` : ""}`
      : undefined;
  return (
    <span
      data-testid={`env-badge-${slug}`}
      title={title}
      className={`relative inline-flex ${split ? "" : compact ? "max-w-28" : "max-w-40"} items-center gap-1 rounded px-1.5 py-0.5 text-xs leading-4 whitespace-nowrap ring-1 ring-inset ${toneClass[tone]}`}
    >
      <span className="truncate">{label}</span>
      {/* Read as "Production v12" (flex drops the space from the layout, not from the text). */}
      {version || split ? " " : null}
      {split ? (
        <>
          <span className="font-medium tabular-nums" data-testid="split">
            {split}
          </span>
          <span aria-hidden="true" className="absolute inset-x-1 bottom-0 flex h-0.5 overflow-hidden rounded-full">
            {arms!.map((arm, i) => (
              <span key={arm.version} style={{ width: `${arm.weight}%`, background: armColor(i) }} />
            ))}
          </span>
        </>
      ) : version ? (
        <span className="font-medium tabular-nums">
          {behind ? <span aria-hidden="true">↓</span> : null}v{version}
          {behind ? <span className="sr-only"> (behind the latest)</span> : null}
        </span>
      ) : null}
    </span>
  );
}
