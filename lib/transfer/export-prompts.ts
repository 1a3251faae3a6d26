import { stringify } from "yaml";

import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { contentOf } from "@/lib/prompts/version-view";
import { EXPORT_FORMAT_VERSION, type ExportFile } from "@/lib/validations/transfer";

/** A project's prompts (or one prompt) with every version, as JSON or YAML text. Archived prompts are included. */
export async function exportPrompts(opts: {
  projectId: string;
  projectSlug: string;
  format: "json" | "yaml";
  promptName?: string;
}): Promise<{ body: string; filename: string }> {
  const prompts = await db.prompt.findMany({
    where: { projectId: opts.projectId, ...(opts.promptName ? { name: opts.promptName } : {}) },
    orderBy: { name: "asc" },
    include: { versions: { orderBy: { number: "asc" }, include: { author: { select: { email: true } } } } },
  });
  if (opts.promptName && prompts.length === 0)
    throw new AppError({ code: "not_found", message: `No prompt named ${opts.promptName} in this project.` });
  const file: ExportFile = {
    galley: EXPORT_FORMAT_VERSION,
    project: opts.projectSlug,
    exportedAt: new Date().toISOString(),
    prompts: prompts
      .filter((p) => p.versions.length > 0)
      .map((p) => ({
        name: p.name,
        type: p.type === "CHAT" ? ("chat" as const) : ("text" as const),
        description: p.description,
        tags: p.tags,
        versions: p.versions.map((v) => ({
          number: v.number,
          message: v.message,
          author: v.author.email,
          createdAt: v.createdAt.toISOString(),
          ...contentOf(v),
        })),
      })),
  };
  const base = opts.promptName ? opts.promptName.replaceAll("/", "__") : opts.projectSlug;
  return opts.format === "json"
    ? { body: `${JSON.stringify(file, null, 2)}\n`, filename: `${base}.galley.json` }
    : { body: stringify(file, { lineWidth: 0 }), filename: `${base}.galley.yaml` };
}
