import crypto from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { roles, type ProjectRole } from "@/lib/auth/permissions";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";

export const DEMO_PASSWORD = "galley-demo-password";
const DEMO_SLUG = "acme-support";

const people: Record<ProjectRole, { name: string; email: string }> = {
  OWNER: { name: "Olivia Owner", email: "olivia@demo.galley.test" },
  ADMIN: { name: "Adam Admin", email: "adam@demo.galley.test" },
  REVIEWER: { name: "Rita Reviewer", email: "rita@demo.galley.test" },
  EDITOR: { name: "Eddie Editor", email: "eddie@demo.galley.test" },
  VIEWER: { name: "Vera Viewer", email: "vera@demo.galley.test" },
};

/** Creates (or completes) the demo project "Acme Support" with one member per role. */
export async function seedDemo() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = { actor: null, requestId: `seed-${crypto.randomUUID()}` };
  return db.$transaction(async (tx) => {
    const anyone = await tx.user.count();
    const project =
      (await tx.project.findUnique({ where: { slug: DEMO_SLUG } })) ??
      (await tx.project.create({ data: { slug: DEMO_SLUG, name: "Acme Support" } }));
    for (const role of roles) {
      const person = people[role];
      const user =
        (await tx.user.findUnique({ where: { email: person.email } })) ??
        (await tx.user.create({ data: { ...person, passwordHash, isInstanceAdmin: anyone === 0 && role === "OWNER" } }));
      const existing = await tx.membership.findUnique({ where: { projectId_userId: { projectId: project.id, userId: user.id } } });
      if (!existing) {
        await tx.membership.create({ data: { projectId: project.id, userId: user.id, role } });
        await writeAuditEntry({ tx, ctx, projectId: project.id, action: "member.add", target: { type: "member", id: user.id }, after: { email: user.email, role, via: "seed" } });
      }
    }
    return {
      projectSlug: project.slug,
      projectName: project.name,
      password: DEMO_PASSWORD,
      users: roles.map((role) => ({ role, email: people[role].email })),
    };
  });
}
