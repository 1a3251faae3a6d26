// Bounds on the work one render or one reference resolution may do. Eight templates of a few
// bytes, each including the next ten times, stand for 10^8 copies; five nested sections over a
// 30-item list for 24 million passes. Both are counted as they happen and stopped at the limit,
// so the big string is never built and no request holds the event loop for long.
import type { TemplateIssue } from "./render-template";

/** The largest text one prompt may grow to, resolved or rendered (GALLEY_MAX_RESOLVED_BYTES on the server). */
export const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Nodes visited, list items iterated and references followed, together: ~10–20 ms of work at most. */
export const DEFAULT_MAX_STEPS = 100_000;

export type TemplateLimits = { maxBytes?: number; maxSteps?: number };

/** UTF-8 length without encoding (TextEncoder would copy); lone surrogates count as 2 bytes. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    bytes += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${+(bytes / 1024 / 1024).toFixed(2)} MB`
    : bytes >= 1024
      ? `${+(bytes / 1024).toFixed(1)} KB`
      : `${bytes} bytes`;

const chainText = (chain: string[]) => (chain.length ? ` (at ${chain.join(" → ")})` : "");

/** Thrown inside a render or resolution to stop it at once; the caller turns it into a TemplateError. */
export class LimitReached extends Error {
  constructor(readonly issue: TemplateIssue) {
    super(issue.message);
    this.name = "LimitReached";
  }
}

/**
 * What one prompt's render (all of its messages) or resolution may still spend. `what` names the
 * text in messages: "resolved template" when references are replaced, "rendered text" otherwise.
 */
export class WorkBudget {
  readonly maxBytes: number;
  readonly maxSteps: number;
  private bytes = 0;
  private steps = 0;

  constructor(
    limits: TemplateLimits = {},
    private readonly what: "resolved template" | "rendered text" = "rendered text",
  ) {
    this.maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxSteps = limits.maxSteps ?? DEFAULT_MAX_STEPS;
  }

  /** Counts text about to be added; throws LimitReached past maxBytes. */
  add(text: string, chain: string[]) {
    this.bytes += utf8Length(text);
    if (this.bytes > this.maxBytes) throw new LimitReached(this.issueFor("bytes", chain));
  }

  /** Counts one node, list item or reference; throws LimitReached past maxSteps. */
  step(chain: string[]) {
    if (++this.steps > this.maxSteps) throw new LimitReached(this.issueFor("steps", chain));
  }

  /** The issue that says which limit was reached, and where. */
  issueFor(limit: "bytes" | "steps", chain: string[], what: string = this.what): TemplateIssue {
    return limit === "bytes"
      ? {
          code: "output_too_large",
          limit,
          chain,
          message: `The ${what} would be larger than ${formatBytes(this.maxBytes)}${chainText(chain)}: references or lists multiply the text. Include fewer copies, or split the prompt.`,
        }
      : {
          code: "too_much_work",
          limit,
          chain,
          message: `The ${what} takes more than ${this.maxSteps.toLocaleString("en")} steps${chainText(chain)}: nested sections over lists or repeated references multiply the work. Nest fewer sections, or include fewer copies.`,
        };
  }
}
