// bench:serve's split: development runs the demo prompt as a 90/10 release (its latest version and
// the one before), written as a release's start writes it. Runs before the server starts (PGlite
// serves one process).
import "@/lib/entry/allow-server-only";

import { closeDatabase, db } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";

async function main() {
  const name = process.argv[2]!;
  const project = await db.project.findUniqueOrThrow({ where: { slug: "acme-support" } });
  const prompt = await db.prompt.findUniqueOrThrow({ where: { projectId_name: { projectId: project.id, name } } });
  if (prompt.latestVersion < 2) throw new Error(`${name} needs two versions for a split.`);
  const environment = await db.environment.findFirstOrThrow({ where: { projectId: project.id, slug: "development" } });
  const owner = await db.membership.findFirstOrThrow({
    where: { projectId: project.id, role: "OWNER" },
    include: { user: true },
  });
  await servingTransaction(project.id, async (tx) => {
    const release = await tx.release.create({
      data: {
        projectId: project.id,
        environmentId: environment.id,
        promptId: prompt.id,
        baseVersion: prompt.latestVersion,
        arms: [
          { version: prompt.latestVersion, weight: 90 },
          { version: prompt.latestVersion - 1, weight: 10 },
        ],
        createdById: owner.user.id,
        createdByName: owner.user.name,
      },
    });
    await tx.environmentPrompt.update({
      where: { environmentId_promptId: { environmentId: environment.id, promptId: prompt.id } },
      data: { releaseId: release.id, version: prompt.latestVersion },
    });
  });
  await closeDatabase();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
