import { armColor } from "@/components/ui/arm-colors";
import { describeArms, type Arm } from "@/lib/releases/arms";

/**
 * A split as text ("v6 90 % · v7 10 %") over a thin bar of its weights. `compact` drops the bar's
 * height and width for tables.
 */
export function SplitBar({ arms, compact = false }: { arms: readonly Arm[]; compact?: boolean }) {
  const text = describeArms(arms);
  return (
    <span className={`inline-flex flex-col gap-0.5 ${compact ? "w-36" : "w-full max-w-md"}`} data-testid="split">
      <span className="text-xs tabular-nums">{text}</span>
      <span
        role="img"
        aria-label={`Split: ${text}`}
        className={`flex w-full overflow-hidden rounded-full bg-subtle ${compact ? "h-1" : "h-2"}`}
      >
        {arms.map((arm, i) => (
          <span key={arm.version} style={{ width: `${arm.weight}%`, background: armColor(i) }} />
        ))}
      </span>
    </span>
  );
}
