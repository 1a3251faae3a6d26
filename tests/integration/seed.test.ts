import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { seedDemo } from "@/lib/seed/seed-demo";

describe("npm run db:seed", () => {
  beforeAll(applyMigrations);

  it("creates the demo project with a member per role and prompts with versions, and running it again changes nothing", async () => {
    const first = await seedDemo();
    const counts = async () => ({
      members: await db.membership.count({ where: { project: { slug: first.projectSlug } } }),
      prompts: await db.prompt.count({ where: { project: { slug: first.projectSlug } } }),
      versions: await db.promptVersion.count({ where: { prompt: { project: { slug: first.projectSlug } } } }),
    });
    const before = await counts();
    expect(before).toEqual({ members: 5, prompts: 4, versions: 6 });
    await seedDemo();
    expect(await counts()).toEqual(before);
    const refund = await db.prompt.findFirstOrThrow({ where: { name: "support/refund-reply" }, include: { versions: { orderBy: { number: "asc" } } } });
    expect(refund.type).toBe("CHAT");
    expect(refund.versions.map((v) => v.number)).toEqual([1, 2]);
  });
});
