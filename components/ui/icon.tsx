import type { LucideIcon } from "lucide-react";

/**
 * A lucide icon at the studio's one size. Icons here only decorate a label that is already written
 * out, so they are hidden from screen readers (a button keeps the name its text gives it).
 */
export function Icon({ icon: Glyph, className = "" }: { icon: LucideIcon; className?: string }) {
  return <Glyph aria-hidden="true" focusable="false" className={`size-4 shrink-0 ${className}`} />;
}
