import "server-only";

import { docParts, writeWorkingCopy } from "@/lib/collab/prompt-doc";
import { changeLiveDocument } from "@/lib/collab/storage/change-live-document";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";
import { getVersionOrThrow } from "@/lib/prompts/get-version-or-throw";

/**
 * Makes the shared working copy hold a version's content again (start over from it, or bring an
 * old version back), for everyone editing, on top of the latest version: saving it next makes a
 * new version, history intact. The description is not versioned and stays as it is.
 */
export async function resetLiveDocument(opts: {
  projectId: string;
  promptId: string;
  version: number;
  userId: string;
}): Promise<{ baseVersion: number }> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId, forWrite: true });
  const version = await getVersionOrThrow({ projectId: opts.projectId, promptId: prompt.id, number: opts.version });
  await changeLiveDocument({
    promptId: prompt.id,
    userId: opts.userId,
    change: (doc) =>
      writeWorkingCopy(doc, {
        type: prompt.type,
        baseVersion: prompt.latestVersion,
        content: version.content,
        description: docParts(doc).description.toString(),
      }),
  });
  return { baseVersion: prompt.latestVersion };
}
