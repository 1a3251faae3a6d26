import "server-only";

import { can, roles } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

/** The first-run checklist's items, in the order a new project does them. */
export const firstRunSteps = ["prompt", "provider", "reviewer", "apiKey"] as const;
export type FirstRunStep = (typeof firstRunSteps)[number];
export type FirstRunProgress = Record<FirstRunStep, boolean>;

/** Roles whose members may approve a review: a reviewer is someone else holding one of them. */
const approvingRoles = roles.filter((role) => can(role, "review.approve"));

/**
 * How far a project has got with its first steps, read from what exists (one query):
 * - prompt: any prompt, archived ones included (someone did it);
 * - provider: a provider saved in the project, or the server's OPENAI_API_KEY (the playground runs);
 * - reviewer: another member whose role may approve reviews, or a pending invite with such a role
 *   (not accepted, revoked or expired): the one who set the project up cannot review alone;
 * - apiKey: a key that is not revoked.
 */
export async function getFirstRunProgress(opts: { projectId: string; userId: string }): Promise<FirstRunProgress> {
  const [row] = await db.$queryRaw<Array<FirstRunProgress>>`
    SELECT
      EXISTS (SELECT 1 FROM "Prompt" WHERE "projectId" = ${opts.projectId}) AS "prompt",
      EXISTS (SELECT 1 FROM "Provider" WHERE "projectId" = ${opts.projectId}) AS "provider",
      (
        EXISTS (
          SELECT 1 FROM "Membership"
          WHERE "projectId" = ${opts.projectId} AND "userId" <> ${opts.userId}
            AND "role"::text = ANY(${approvingRoles}::text[])
        )
        OR EXISTS (
          SELECT 1 FROM "Invite"
          WHERE "projectId" = ${opts.projectId} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL
            AND "expiresAt" > now() AND "role"::text = ANY(${approvingRoles}::text[])
        )
      ) AS "reviewer",
      EXISTS (SELECT 1 FROM "ApiKey" WHERE "projectId" = ${opts.projectId} AND "revokedAt" IS NULL) AS "apiKey"
  `;
  if (!row) throw new Error("The first-run query returned no row.");
  return { ...row, provider: row.provider || Boolean(getEnv().OPENAI_API_KEY) };
}
