import { AppError } from "@/lib/errors";

/**
 * Archived prompts are read-only. This is the one check every write to a prompt goes through (its
 * fields, versions, draft, test cases, deployments, imports, reviews), usually by way of
 * `getPromptOrThrow({ forWrite: true })`. Restoring is the way out, so the answer says so.
 * A write that passed this check just before an archive commits is harmless: it is the same as
 * the write landing first and the archive after it.
 */
export function assertPromptWritable(opts: { prompt: { name: string; archivedAt: Date | null } }) {
  if (opts.prompt.archivedAt) {
    throw new AppError({
      code: "conflict",
      message: `${opts.prompt.name} is archived; restore it to change it.`,
      details: { archived: true },
    });
  }
}
