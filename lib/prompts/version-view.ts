import type { PromptVersion } from "@/lib/generated/prisma/client";
import { parseStoredContent } from "@/lib/prompts/parse-stored-content";
import type { PromptContent } from "@/lib/templates/prompt-content";

export type VersionSummary = {
  number: number;
  message: string;
  author: string;
  createdAt: string;
  linesAdded: number;
  linesRemoved: number;
  /** Others whose edits of the shared working copy went into this version (the saver is the author). */
  coAuthors: Person[];
};
export type VersionView = VersionSummary & { content: PromptContent };
export type Person = { id: string; name: string };
type VersionRow = PromptVersion & { author: { name: string; email: string } };

/** `people`: the co-authors by id (findCoAuthors); an id not there (a deleted account) is left out. */
export function toVersionSummary(v: VersionRow, people: ReadonlyMap<string, Person>): VersionSummary {
  return {
    number: v.number,
    message: v.message,
    author: v.author.name || v.author.email,
    createdAt: v.createdAt.toISOString(),
    linesAdded: v.linesAdded,
    linesRemoved: v.linesRemoved,
    coAuthors: v.coAuthorIds.flatMap((id) => people.get(id) ?? []),
  };
}

/** A version row's content columns as typed content (template and messages are null when unused). */
export function contentOf(
  v: Pick<PromptVersion, "promptId" | "number" | "template" | "messages" | "contract" | "modelConfig">,
): PromptContent {
  const stored = {
    ...(v.template !== null ? { template: v.template } : {}),
    ...(v.messages !== null ? { messages: v.messages } : {}),
    contract: v.contract,
    modelConfig: v.modelConfig,
  };
  return parseStoredContent({ stored, row: `version ${v.number} of prompt ${v.promptId}` });
}

export function toVersionView(v: VersionRow, people: ReadonlyMap<string, Person>): VersionView {
  return { ...toVersionSummary(v, people), content: contentOf(v) };
}
