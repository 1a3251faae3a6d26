import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Whose outcomes to read: one release (its arms, across ramps), or a prompt in one environment
 * (every version it served there, with or without a split). Always within one project.
 */
export type OutcomeScope =
  { projectId: string; releaseId: string } | { projectId: string; promptId: string; environmentId: string };

/** The WHERE condition for a scope, over a table with projectId, releaseId, promptId and environmentId. */
export function scopeCondition(scope: OutcomeScope): Prisma.Sql {
  return "releaseId" in scope
    ? Prisma.sql`"projectId" = ${scope.projectId} AND "releaseId" = ${scope.releaseId}`
    : Prisma.sql`"projectId" = ${scope.projectId} AND "promptId" = ${scope.promptId} AND "environmentId" = ${scope.environmentId}`;
}
