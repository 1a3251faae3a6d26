import "server-only";

import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { AppError } from "@/lib/errors";
import { checkGate } from "@/lib/gates/check-gate";
import { findPromptByName } from "@/lib/prompts/find-prompt-by-name";
import type { RequestContext } from "@/lib/request-context";
import { checkDeployTargets } from "@/lib/serving/check-deploy-targets";
import { toLangfusePrompt, type LangfusePrompt } from "@/lib/serving/get-langfuse-prompt";
import { loadServedVersion } from "@/lib/serving/load-served-version";
import { promptNameSchema } from "@/lib/validations/prompt";

/**
 * PATCH /api/public/v2/prompts/{name}/versions/{version} (Langfuse's "update prompt version
 * labels"): each label is an environment, so moving it deploys that version there through
 * deployVersion (recorded, audited, webhooks and notifications as any deploy). Labels the version
 * has and the request leaves out stay: a Galley environment always runs a version, so a label is
 * moved by deploying another version, never removed. Every label is checked before anything moves
 * (unknown 404, protected 403, a gate the version has not passed 409), so a refusal leaves every
 * environment as it was.
 */
export async function moveLangfuseLabels(opts: {
  ctx: RequestContext;
  access: { project: { id: string; slug: string }; actor: Actor };
  name: string;
  version: number;
  newLabels: string[];
}): Promise<LangfusePrompt> {
  const { project, actor } = opts.access;
  // A name no prompt can have is not looked up (the database refuses some, e.g. NUL bytes).
  const found = promptNameSchema.safeParse(opts.name).success
    ? await findPromptByName({ projectId: project.id, name: opts.name })
    : null;
  if (!found) throw new AppError({ code: "not_found", message: `No prompt named "${opts.name}" in this project.` });
  const { prompt } = found;
  const version = await db.promptVersion.findUnique({
    where: { promptId_number: { promptId: prompt.id, number: opts.version } },
    select: { number: true },
  });
  if (!version) throw new AppError({ code: "not_found", message: `${prompt.name} has no version ${opts.version}.` });

  const environments = await checkDeployTargets({ projectId: project.id, slugs: opts.newLabels });
  for (const env of environments) {
    const gate = await checkGate({
      projectId: project.id,
      environmentId: env.id,
      promptId: prompt.id,
      version: version.number,
    });
    if (gate.state !== "none" && gate.state !== "passed")
      throw new AppError({
        code: "conflict",
        message: gate.reason,
        details: { environment: env.slug, gate: { state: gate.state } },
      });
  }
  const running = await db.environmentPrompt.findMany({
    where: { promptId: prompt.id, environmentId: { in: environments.map((e) => e.id) } },
    select: { environmentId: true, version: true },
  });
  for (const env of environments) {
    const current = running.find((r) => r.environmentId === env.id)?.version ?? null;
    if (current === version.number) continue;
    await deployVersion({
      ctx: opts.ctx,
      projectId: project.id,
      projectSlug: project.slug,
      actor,
      environmentSlug: env.slug,
      promptId: prompt.id,
      version: version.number,
      expectedVersion: current,
    });
  }
  const served = await loadServedVersion({
    projectId: project.id,
    name: prompt.name,
    selector: { version: version.number },
  });
  if (served.kind !== "found") throw new Error(`${prompt.name} v${version.number} vanished while its labels moved.`);
  return toLangfusePrompt({ projectId: project.id, served: served.served, latest: false });
}
