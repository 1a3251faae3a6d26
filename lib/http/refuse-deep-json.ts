// JSON nested thousands deep, refused before JSON.parse builds it: parsing a 2 MB body of brackets
// alone blocks the event loop for half a second, and every recursive walker after it (zod, Prisma,
// the audit diff) would overflow the stack.
import { validationError } from "@/lib/errors";
import { MAX_INPUT_DEPTH } from "@/lib/http/refuse-unsafe-input";

/**
 * Throws a 422 when JSON text nests deeper than `maxDepth` (the same bound as refuseUnsafeInput),
 * found by one pass over the text.
 */
export function refuseDeepJson(opts: { text: string; maxDepth?: number }): void {
  const maxDepth = opts.maxDepth ?? MAX_INPUT_DEPTH;
  const { text } = opts;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > maxDepth)
        throw validationError([{ path: "", message: `The request body is nested deeper than ${maxDepth} levels.` }]);
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
}
