/**
 * A row of tags that never wraps: the first `max` as chips, the rest counted in a "+N" chip whose
 * title lists every tag (screen readers hear the hidden ones).
 */
export function TagChips({ tags, max = 2, className = "" }: { tags: string[]; max?: number; className?: string }) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  const hidden = tags.length - shown.length;
  return (
    <span className={`inline-flex max-w-full items-center gap-1 whitespace-nowrap ${className}`}>
      {shown.map((t) => (
        <span
          key={t}
          data-tag={t}
          title={t}
          className="truncate rounded bg-subtle px-1.5 py-0.5 text-xs leading-4 text-muted"
        >
          {t}
        </span>
      ))}
      {hidden > 0 ? (
        <span
          data-testid="more-tags"
          title={tags.join(", ")}
          className="shrink-0 cursor-default rounded border border-line px-1.5 py-px text-xs leading-4 text-muted"
        >
          +{hidden}
          <span className="sr-only"> more: {tags.slice(max).join(", ")}</span>
        </span>
      ) : null}
    </span>
  );
}
