// A plain <textarea> bound to a shared Y.Text: a local change becomes one delete and one insert at
// the range that changed (so others' edits elsewhere survive), and a remote change moves the caret
// by the text inserted or deleted before it (so the person keeps typing where they were).

/** The smallest single replacement turning `before` into `after`. */
export function changedRange(before: string, after: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const shortest = Math.min(before.length, after.length);
  while (start < shortest && before[start] === after[start]) start++;
  let end = 0;
  while (end < shortest - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) };
}

/** A Y.Text delta (retain / insert / delete). */
export type TextDelta = Array<{ retain?: number; insert?: unknown; delete?: number }>;

/** Where a caret at `position` (in the text before the change) is after a remote change `delta`. */
export function moveCaret(position: number, delta: TextDelta): number {
  let old = 0; // position in the text before the change
  let shift = 0;
  for (const op of delta) {
    if (old >= position) break;
    if (op.retain !== undefined) old += op.retain;
    else if (typeof op.insert === "string") shift += op.insert.length;
    else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, position - old);
      old += op.delete;
    }
  }
  return Math.max(0, position + shift);
}
