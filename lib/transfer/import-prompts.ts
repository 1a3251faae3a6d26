import { parse as parseYaml, YAMLParseError } from "yaml";

import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { invalidateServing } from "@/lib/cache/serving-cache";
import { db } from "@/lib/db";
import { notifyServingChange } from "@/lib/db/notify-serving-change";
import { AppError, validationError, type FieldIssue } from "@/lib/errors";
import { assertPromptWritable } from "@/lib/prompts/assert-prompt-writable";
import { checkContent } from "@/lib/prompts/check-content";
import { insertVersion } from "@/lib/prompts/insert-version";
import { referenceIssues } from "@/lib/prompts/reference-issues";
import { contentOf } from "@/lib/prompts/version-view";
import type { RequestContext } from "@/lib/request-context";
import { readPromptFile } from "@/lib/transfer/prompt-file";
import type { PromptContent } from "@/lib/validations/prompt";
import { EXPORT_FORMAT_VERSION, exportFileSchema, type ExportedPrompt } from "@/lib/validations/transfer";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export type ImportResult = { created: string[]; updated: string[]; unchanged: string[] };

function readFile(format: "json" | "yaml", text: string): unknown {
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES) {
    throw validationError([
      { path: "file", message: "The file is larger than 20 MB; export fewer prompts at a time." },
    ]);
  }
  try {
    return format === "json" ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (error) {
    const where =
      error instanceof YAMLParseError && error.linePos
        ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}`
        : "";
    throw validationError([
      {
        path: "file",
        message: `Not valid ${format.toUpperCase()}${where}: ${(error as Error).message.split("\n")[0]}`,
      },
    ]);
  }
}

const contentOfExported = (v: ExportedPrompt["versions"][number]): PromptContent => ({
  ...(v.template !== undefined ? { template: v.template } : {}),
  ...(v.messages !== undefined ? { messages: v.messages } : {}),
  contract: v.contract,
  modelConfig: v.modelConfig,
});

/** JSON with object keys sorted: PostgreSQL's jsonb does not keep key order, so compare this. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

const sameContent = (a: PromptContent, b: PromptContent) =>
  canonical([a.template ?? null, a.messages ?? null, a.contract, a.modelConfig]) ===
  canonical([b.template ?? null, b.messages ?? null, b.contract, b.modelConfig]);

const isPromptFile = (value: unknown) =>
  !!value && typeof value === "object" && !Array.isArray(value) && !("prompts" in value) && "type" in value;

/**
 * One prompt's file (what `galley pull` writes) as an export of that prompt with one version, its
 * problems placed by line and column as the CLI reports them. It must name its prompt: an upload
 * has no folder path to take the name from.
 */
function exportOfPromptFile(text: string): unknown {
  const read = readPromptFile({ text });
  if (!read.ok)
    throw validationError(
      read.problems.map((p) => ({ path: "file", message: `Line ${p.line}, column ${p.column}: ${p.message}` })),
      `The prompt file has ${read.problems.length} problem(s); nothing was imported.`,
    );
  const { prompt } = read;
  return {
    galley: EXPORT_FORMAT_VERSION,
    prompts: [
      {
        name: prompt.name,
        type: prompt.type,
        description: prompt.description,
        tags: prompt.tags,
        versions: [{ number: 1, message: prompt.message ?? "From a prompt file.", ...prompt.content }],
      },
    ],
  };
}

/**
 * Imports an export file, or one prompt's file (`*.prompt.yaml`, as `galley pull` writes it). Everything is checked first (shape, names, version numbering, each
 * version's content and template syntax, references) and every problem is reported with its path;
 * only a file without problems is written, in one transaction. A prompt that does not exist is
 * created with all its versions; one that exists gets the file's latest version appended when it
 * differs from its own latest.
 */
export async function importPrompts(opts: {
  ctx: RequestContext;
  projectId: string;
  userId: string;
  format: "json" | "yaml";
  text: string;
}): Promise<ImportResult> {
  const value = readFile(opts.format, opts.text);
  const parsed = exportFileSchema.safeParse(isPromptFile(value) ? exportOfPromptFile(opts.text) : value);
  if (!parsed.success) {
    throw validationError(
      parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
      `The file has ${parsed.error.issues.length} problem(s); nothing was imported.`,
    );
  }
  const file = parsed.data;
  const existing = await db.prompt.findMany({
    where: { projectId: opts.projectId },
    select: { id: true, name: true, type: true, latestVersion: true, archivedAt: true },
  });
  const byName = new Map(existing.map((p) => [p.name, p]));
  const latest = new Map(existing.map((p) => [p.name, p.latestVersion]));
  for (const p of file.prompts) latest.set(p.name, Math.max(latest.get(p.name) ?? 0, p.versions.length));

  const issues: FieldIssue[] = [];
  const checked: Array<{ prompt: ExportedPrompt; contents: PromptContent[] }> = [];
  const seen = new Set<string>();
  file.prompts.forEach((prompt, i) => {
    const at = `prompts.${i}`;
    const type = prompt.type === "chat" ? "CHAT" : "TEXT";
    if (seen.has(prompt.name))
      issues.push({ path: `${at}.name`, message: `${prompt.name} appears more than once in the file.` });
    seen.add(prompt.name);
    const current = byName.get(prompt.name);
    if (current && current.type !== type)
      issues.push({
        path: `${at}.type`,
        message: `${prompt.name} already exists here as a ${current.type.toLowerCase()} prompt; the type cannot change.`,
      });
    const contents: PromptContent[] = [];
    prompt.versions.forEach((v, j) => {
      const vAt = `${at}.versions.${j}`;
      if (v.number !== j + 1)
        issues.push({
          path: `${vAt}.number`,
          message: `Versions must be numbered 1, 2, 3… in order; expected ${j + 1}, found ${v.number}.`,
        });
      try {
        const content = checkContent({ type, content: contentOfExported(v), forVersion: true });
        contents.push(content);
        issues.push(...referenceIssues({ content, selfName: prompt.name, latest, prefix: `${vAt}.` }));
      } catch (error) {
        const details = (error as AppError).details as { issues?: FieldIssue[] } | undefined;
        if (!details?.issues) throw error;
        issues.push(
          ...details.issues.map((issue) => ({
            path: `${vAt}.${issue.path.replace(/^content\./, "")}`,
            message: issue.message,
          })),
        );
      }
    });
    checked.push({ prompt, contents });
  });
  if (issues.length) throw validationError(issues, `The file has ${issues.length} problem(s); nothing was imported.`);

  // New versions change what `latest` (Langfuse's label) serves: forget the project's answers, as servingTransaction does.
  const imported = await db.$transaction(
    async (tx) => {
      const result: ImportResult = { created: [], updated: [], unchanged: [] };
      for (const { prompt, contents } of checked) {
        const current = byName.get(prompt.name);
        if (!current) {
          const created = await tx.prompt.create({
            data: {
              projectId: opts.projectId,
              name: prompt.name,
              type: prompt.type === "chat" ? "CHAT" : "TEXT",
              description: prompt.description,
              tags: prompt.tags,
            },
          });
          for (const [j, content] of contents.entries()) {
            await insertVersion({
              tx,
              promptId: created.id,
              number: j + 1,
              content,
              parent: contents[j - 1] ?? null,
              message: prompt.versions[j]!.message,
              authorId: opts.userId,
            });
          }
          await writeAuditEntry({
            tx,
            ctx: opts.ctx,
            projectId: opts.projectId,
            action: "prompt.import",
            target: { type: "prompt", id: created.id },
            after: { name: prompt.name, versions: contents.length },
          });
          result.created.push(prompt.name);
          continue;
        }
        const last = contents[contents.length - 1]!;
        const own = current.latestVersion
          ? await tx.promptVersion.findUnique({
              where: { promptId_number: { promptId: current.id, number: current.latestVersion } },
            })
          : null;
        if (own && sameContent(contentOf(own), last)) {
          result.unchanged.push(prompt.name);
          continue;
        }
        // Throwing here rolls the whole import back: nothing is imported while one target is archived.
        assertPromptWritable({ prompt: current });
        // Claim the next number as saveVersion does, so a concurrent save cannot take it.
        const number = current.latestVersion + 1;
        const claimed = await tx.prompt.updateMany({
          where: { id: current.id, latestVersion: current.latestVersion },
          data: { latestVersion: number },
        });
        if (claimed.count === 0)
          throw new AppError({
            code: "conflict",
            message: `${prompt.name} changed while importing; nothing was imported. Try again.`,
          });
        const message = `Imported: ${prompt.versions[prompt.versions.length - 1]!.message}`.slice(0, 500);
        await insertVersion({
          tx,
          promptId: current.id,
          number,
          content: last,
          parent: own ? contentOf(own) : null,
          message,
          authorId: opts.userId,
        });
        await writeAuditEntry({
          tx,
          ctx: opts.ctx,
          projectId: opts.projectId,
          action: "prompt.import",
          target: { type: "prompt", id: current.id },
          after: { name: prompt.name, version: number },
        });
        result.updated.push(prompt.name);
      }
      await notifyServingChange({ tx, kind: "prompts", projectId: opts.projectId });
      return result;
    },
    { timeout: 120_000 },
  );
  invalidateServing({ kind: "prompts", projectId: opts.projectId });
  return imported;
}
