import { beforeAll, describe, expect, it } from "vitest";

import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { seedDemo } from "@/lib/seed/seed-demo";
import { getServedPrompt } from "@/lib/serving/get-served-prompt";

const SEED_KEY = "gk_seeded-secret-for-tests-0123456789";
process.env.GALLEY_SEED_API_KEY = SEED_KEY;

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
    const refund = await db.prompt.findFirstOrThrow({
      where: { name: "support/refund-reply" },
      include: { versions: { orderBy: { number: "asc" } } },
    });
    expect(refund.type).toBe("CHAT");
    expect(refund.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it("deploys the demo prompts to development and production and gives GALLEY_SEED_API_KEY read/write access, so the API answers at once", async () => {
    const key = await authenticateApiKey(`Bearer ${SEED_KEY}`, "prompts:write");
    expect(await db.apiKey.count({ where: { projectId: key.projectId } })).toBe(1);
    const answer = await getServedPrompt({
      projectId: key.projectId,
      name: "support/refund-reply",
      query: { resolve: true },
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toMatchObject({
      name: "support/refund-reply",
      version: 2,
      environment: "production",
      type: "chat",
    });
    const dev = await getServedPrompt({
      projectId: key.projectId,
      name: "support/refund-reply",
      query: { environment: "development", resolve: true },
    });
    expect(JSON.parse(dev.body)).toMatchObject({ version: 2, environment: "development" });
  });
});
