import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { promptContentSchema, type PromptContent } from "@/lib/templates/prompt-content";

/**
 * Prompt content read from the database (a version's columns or a draft's JSON), checked once
 * against the schema every write went through, so the rest of the app holds typed content instead
 * of trusting a cast. A row that no longer fits (edited by hand, or written by a bug) is a server
 * fault: a 500 naming the row, with the issues in the log, rather than a wrong answer further on.
 */
export function parseStoredContent(opts: { stored: unknown; row: string }): PromptContent {
  const parsed = promptContentSchema.safeParse(opts.stored);
  if (parsed.success) return parsed.data;
  log.error("stored prompt content does not match its schema", {
    row: opts.row,
    issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
  });
  throw new AppError({ code: "internal", message: `The stored content of ${opts.row} cannot be read.` });
}
