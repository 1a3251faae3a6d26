"use client";

import Link from "next/link";

import { TextDiff } from "@/components/editor/text-diff";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { promptText } from "@/lib/prompts/prompt-text";
import type { VersionSummary } from "@/lib/prompts/version-view";
import type { PromptContent } from "@/lib/validations/prompt";

/** The version someone else saved on top of the one the working copy started from. */
export type Conflict = { version: VersionSummary; content: PromptContent };

/**
 * Shown when saving found a newer version saved outside the working copy (the API, an import):
 * the two side by side; keep the working copy (save it on top) or take theirs (the working copy
 * becomes that version, for everyone editing it).
 */
export function ConflictPanel({
  conflict,
  mine,
  onKeepMine,
  onTakeTheirs,
}: {
  conflict: Conflict;
  mine: PromptContent;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const v = conflict.version;
  return (
    <section
      aria-labelledby="conflict-heading"
      className="space-y-3 rounded-lg border border-danger/40 bg-surface p-4"
      data-testid="conflict"
    >
      <h2 id="conflict-heading" className="font-semibold text-danger">
        {v.author} saved version {v.number} while you were editing
      </h2>
      <p className="text-muted">
        “{v.message}” · <Time value={v.createdAt} />. Nothing was overwritten: the working copy is still here. Compare,
        then choose.
      </p>
      <TextDiff
        original={promptText(conflict.content)}
        modified={promptText(mine)}
        originalLabel={`Version ${v.number}`}
        modifiedLabel="Working copy"
        height={320}
      />
      <div className="flex flex-wrap gap-2">
        <Button onClick={onKeepMine}>Save mine as version {v.number + 1}</Button>
        <Button variant="secondary" onClick={onTakeTheirs}>
          Replace the working copy with version {v.number}
        </Button>
        <Link href="?view=history" className="px-3 py-1.5 text-accent hover:underline">
          See history
        </Link>
      </div>
    </section>
  );
}
