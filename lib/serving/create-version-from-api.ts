import "server-only";

import { z } from "zod";

import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { deployVersion } from "@/lib/deployments/deploy-version";
import { AppError } from "@/lib/errors";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import type { RequestContext } from "@/lib/request-context";
import { checkDeployTargets } from "@/lib/serving/check-deploy-targets";
import type { createVersionRequestSchema } from "@/lib/validations/serving";

/**
 * POST /api/prompts/{name}/versions (prompts:write): CI and scripts save a version, creating the
 * prompt first when asked, and deploy it to unprotected environments. Protected environments are
 * refused up front with 403 (they take versions through reviews), and gated ones with 409 (a
 * version saved by this request has no passing eval run yet), so nothing is half done. Deploys
 * still go through deployVersion, whose pointer move enforces the gate again in its transaction.
 */
export async function createVersionFromApi(opts: {
  ctx: RequestContext;
  access: { project: { id: string; slug: string }; actor: Actor };
  name: string;
  input: z.infer<typeof createVersionRequestSchema>;
}) {
  const { input } = opts;
  const { project, actor } = opts.access;
  const targets = await checkDeployTargets({ projectId: project.id, slugs: input.deploy });
  const gated = targets.length
    ? await db.environmentGate.findFirst({
        where: { projectId: project.id, environmentId: { in: targets.map((e) => e.id) } },
      })
    : null;
  if (gated) {
    const env = targets.find((e) => e.id === gated.environmentId)!;
    throw new AppError({
      code: "conflict",
      message: `${env.name}'s evaluation gate: a version saved by this request has no evaluation run yet. Save it without deploying to ${env.slug}, run an evaluation of it (POST /api/projects/{project}/eval-runs), then deploy it once the run passes.`,
      details: { gate: { state: "not-run", run: null }, environment: env.slug },
    });
  }
  let prompt = await db.prompt.findUnique({ where: { projectId_name: { projectId: project.id, name: opts.name } } });
  if (!prompt) {
    if (!input.type)
      throw new AppError({
        code: "not_found",
        message: `No prompt named "${opts.name}" in this project. Send "type": "text" or "chat" to create it.`,
      });
    const created = await createPrompt({
      ctx: opts.ctx,
      projectId: project.id,
      input: {
        name: opts.name,
        type: input.type === "chat" ? "CHAT" : "TEXT",
        description: input.description ?? "",
        tags: input.tags ?? [],
      },
    });
    prompt = await db.prompt.findUniqueOrThrow({ where: { id: created.id } });
  }
  const version = await saveVersion({
    ctx: opts.ctx,
    projectId: project.id,
    promptId: prompt.id,
    authorId: actor.id,
    baseVersion: input.baseVersion ?? prompt.latestVersion,
    message: input.message,
    content: input.content,
  });
  const deployments = [];
  for (const env of targets) {
    deployments.push(
      await deployVersion({
        ctx: opts.ctx,
        projectId: project.id,
        projectSlug: project.slug,
        actor,
        environmentSlug: env.slug,
        promptId: prompt.id,
        version: version.number,
      }),
    );
  }
  return {
    name: prompt.name,
    version: version.number,
    deployments: deployments.map((d) => ({
      environment: d.environment,
      fromVersion: d.fromVersion,
      toVersion: d.toVersion,
    })),
  };
}
