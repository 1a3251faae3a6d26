import "server-only";

import { db } from "@/lib/db";
import { AppError, validationError } from "@/lib/errors";
import { bufferFeedback } from "@/lib/outcomes/feedback-buffer";
import { parseArms, parseReleaseToken } from "@/lib/releases/arms";
import type { FeedbackRequest } from "@/lib/validations/feedback";

/**
 * POST /api/prompts/{name}/feedback: checks what the rating names (the prompt, under its current or
 * a former name; the release token's release, which must be this prompt's and have had that version
 * as an arm; or the version, which must exist; the environment), then buffers it for the next batch
 * write. The caller answers 202: the row is in the database within GALLEY_USAGE_FLUSH_MS. With an
 * id the app chose, a rating this prompt already has is not stored again (still 202).
 */
export async function recordFeedback(opts: {
  projectId: string;
  apiKeyId: string;
  name: string;
  input: FeedbackRequest;
}): Promise<{ accepted: true }> {
  const { input } = opts;
  const prompt = await findPrompt(opts.projectId, opts.name);
  let version = input.version;
  let environmentId: string | null = null;
  let releaseId: string | null = null;

  if (input.release !== undefined) {
    const token = parseReleaseToken(input.release)!;
    const release = await db.release.findFirst({
      where: { id: token.releaseId, projectId: opts.projectId, promptId: prompt.id },
      select: {
        id: true,
        arms: true,
        baseVersion: true,
        endVersion: true,
        environmentId: true,
        environment: { select: { slug: true } },
      },
    });
    if (!release)
      throw new AppError({
        code: "not_found",
        message: `${prompt.name} has no release ${token.releaseId}: send the release field of a response for this prompt.`,
      });
    const versions = new Set([release.baseVersion, ...parseArms(release.arms).map((arm) => arm.version)]);
    if (release.endVersion !== null) versions.add(release.endVersion);
    if (!versions.has(token.version))
      throw validationError([
        { path: "release", message: `Version ${token.version} is not an arm of release ${release.id}.` },
      ]);
    if (input.environment !== undefined && input.environment !== release.environment.slug)
      throw validationError([
        {
          path: "environment",
          message: `Release ${release.id} ran in ${release.environment.slug}, not ${input.environment}.`,
        },
      ]);
    version = token.version;
    releaseId = release.id;
    environmentId = release.environmentId;
  } else {
    const exists = await db.promptVersion.findUnique({
      where: { promptId_number: { promptId: prompt.id, number: version! } },
      select: { id: true },
    });
    if (!exists) throw new AppError({ code: "not_found", message: `${prompt.name} has no version ${version}.` });
    if (input.environment !== undefined) {
      const environment = await db.environment.findUnique({
        where: { projectId_slug: { projectId: opts.projectId, slug: input.environment } },
        select: { id: true },
      });
      if (!environment)
        throw new AppError({ code: "not_found", message: `No environment "${input.environment}" in this project.` });
      environmentId = environment.id;
    }
  }

  const thumbs = typeof input.score === "string";
  await bufferFeedback({
    projectId: opts.projectId,
    promptId: prompt.id,
    version: version!,
    environmentId,
    releaseId,
    apiKeyId: opts.apiKeyId,
    kind: thumbs ? "thumbs" : "number",
    score: thumbs ? (input.score === "up" ? 1 : -1) : (input.score as number),
    comment: input.comment ?? "",
    traceId: input.traceId ?? null,
    unit: input.unit ?? null,
    requestId: input.id ?? null,
    createdAt: new Date(),
  });
  return { accepted: true };
}

async function findPrompt(projectId: string, name: string) {
  const prompt = await db.prompt.findUnique({
    where: { projectId_name: { projectId, name } },
    select: { id: true, name: true },
  });
  if (prompt) return prompt;
  const former = await db.promptFormerName.findUnique({
    where: { projectId_name: { projectId, name } },
    select: { prompt: { select: { id: true, name: true } } },
  });
  if (former) return former.prompt;
  throw new AppError({ code: "not_found", message: `No prompt named "${name}" in this project.` });
}
