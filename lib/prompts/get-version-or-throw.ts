import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findCoAuthors } from "@/lib/prompts/find-co-authors";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { toVersionView, type VersionView } from "@/lib/prompts/version-view";

export async function getVersionOrThrow(opts: {
  projectId: string;
  promptId: string;
  number: number;
}): Promise<VersionView> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId });
  const version = await db.promptVersion.findUnique({
    where: { promptId_number: { promptId: prompt.id, number: opts.number } },
    include: { author: true },
  });
  if (!version)
    throw new AppError({
      code: "not_found",
      message: `${prompt.name} has no version ${opts.number} (latest is ${prompt.latestVersion}).`,
    });
  return toVersionView(version, await findCoAuthors({ versions: [version] }));
}
