import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import type { CurrentUser } from "@/lib/auth/get-current-user";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { movePointer } from "@/lib/deployments/move-pointer";
import { createDefaultEnvironments } from "@/lib/projects/create-default-environments";
import type { RequestContext } from "@/lib/request-context";
import { handlePromptRequest, hotPathName } from "@/lib/serving/handle-prompt-request";

export const unique = (prefix: string) => `${prefix}-${crypto.randomBytes(4).toString("hex")}`;

/** A user row with no password (tests that need one go through signUp). */
export async function makeUser(name = unique("user")): Promise<CurrentUser> {
  return db.user.create({
    data: { email: `${name}@example.test`, name },
    select: { id: true, email: true, name: true, isInstanceAdmin: true },
  });
}

/** A project with one member per given role; returns the users by role. */
export async function makeProject(memberRoles: ProjectRole[]) {
  const slug = unique("proj");
  const project = await db.$transaction(async (tx) => {
    const created = await tx.project.create({ data: { slug, name: slug } });
    await createDefaultEnvironments({ tx, projectId: created.id });
    return created;
  });
  const members: Array<{ user: CurrentUser; role: ProjectRole }> = [];
  for (const role of memberRoles) {
    const user = await makeUser(unique(role.toLowerCase()));
    await db.membership.create({ data: { projectId: project.id, userId: user.id, role } });
    members.push({ user, role });
  }
  return { project, members };
}

export const ctxFor = (user: CurrentUser): RequestContext => ({
  actor: { userId: user.id, email: user.email },
  requestId: unique("req"),
});

/**
 * Points an environment (by slug) at a version of a prompt, as a deploy does but without its rules
 * (protection, gates): for tests that need a prompt served, not tests of deploying.
 */
export async function placeVersion(opts: {
  projectId: string;
  promptId: string;
  slug: string;
  version: number;
  by: CurrentUser;
}) {
  const environment = await db.environment.findFirstOrThrow({ where: { projectId: opts.projectId, slug: opts.slug } });
  const prompt = await db.prompt.findUniqueOrThrow({ where: { id: opts.promptId } });
  await servingTransaction(opts.projectId, (tx) =>
    movePointer({
      tx,
      ctx: ctxFor(opts.by),
      projectId: opts.projectId,
      environment,
      prompt,
      actor: { id: opts.by.id, name: opts.by.name },
      version: opts.version,
      reason: "test",
      kind: "deploy",
    }),
  );
}

/** The hot path as the custom server mounts it (before Next.js), on a free loopback port; 404 for anything else. */
export async function startHotPathServer(): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const name = hotPathName(req.method, req.url);
    if (name === null) return void res.writeHead(404).end();
    handlePromptRequest(req, res, name, "test-request");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
