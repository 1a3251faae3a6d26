// Text PostgreSQL cannot store and shapes that would exhaust the stack, refused before any schema
// or query sees them: a NUL byte fails every text and jsonb column (22021, 22P05), an unpaired
// UTF-16 surrogate fails jsonb (22P05) and is no valid Unicode anyway, and JSON nested thousands
// deep overflows the stack of every recursive walker after it (zod, Prisma, the audit diff).
import { validationError } from "@/lib/errors";

/** Deeper than any prompt, contract or JSON schema a person writes; far below what overflows a stack. */
export const MAX_INPUT_DEPTH = 64;

// String.prototype.isWellFormed (Node 20+, not yet in TypeScript's ES2023 lib) is several times
// faster than a regular expression on long text, and instant on one-byte strings.
const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (!isWellFormed(text)) return "contains an unpaired surrogate, which is not valid Unicode";
  return null;
}

type Node = { value: unknown; key: string | number | null; parent: Node | null; depth: number };

function pathOf(node: Node, prefix: string): string {
  const keys: Array<string | number> = [];
  for (let at: Node | null = node; at && at.key !== null; at = at.parent) keys.unshift(at.key);
  const path = [prefix, ...keys].filter((k) => k !== "").join(".");
  return path.length > 200 ? `${path.slice(0, 200)}…` : path;
}

/**
 * Throws a 422 naming the path (e.g. "messages.2.content: contains a NUL character") when any
 * string or object key in `value` is not storable text, or when it nests deeper than `maxDepth`.
 * Walks with an explicit stack, so the check itself cannot overflow. `prefix` names the root
 * (e.g. a query parameter).
 */
export function refuseUnsafeInput(opts: { value: unknown; prefix?: string; maxDepth?: number }): void {
  const maxDepth = opts.maxDepth ?? MAX_INPUT_DEPTH;
  const prefix = opts.prefix ?? "";
  const stack: Node[] = [{ value: opts.value, key: null, parent: null, depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === "string") {
      const problem = textProblem(value);
      if (problem) throw validationError([{ path: pathOf(node, prefix), message: problem }]);
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    if (node.depth >= maxDepth)
      throw validationError([{ path: pathOf(node, prefix), message: `is nested deeper than ${maxDepth} levels` }]);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], key: i, parent: node, depth: node.depth + 1 });
      continue;
    }
    const entries = Object.entries(value);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      const problem = textProblem(key);
      if (problem) throw validationError([{ path: pathOf(node, prefix), message: `has a key that ${problem}` }]);
      stack.push({ value: child, key, parent: node, depth: node.depth + 1 });
    }
  }
}
