"use client";

import { useState } from "react";
import type * as Y from "yjs";

import { TextDiff } from "@/components/editor/text-diff";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";
import { Time } from "@/components/ui/time";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { readWorkingCopy, writeWorkingCopy } from "@/lib/collab/prompt-doc";
import { promptText } from "@/lib/prompts/prompt-text";
import type { PromptContent } from "@/lib/templates/prompt-content";

/** A private draft this person kept from before prompts had one shared working copy. */
export type EarlierDraft = { savedAt: string; baseVersion: number };
type DraftBody = { baseVersion: number; content: PromptContent; savedAt: string };

/**
 * "You have an earlier private draft": compare it with the working copy, bring it in (it replaces
 * the working copy's content for everyone, keeping the version it is based on), or discard it.
 */
export function EarlierDraftNotice({
  draftUrl,
  draft,
  doc,
  canEdit,
}: {
  /** …/prompts/<id>/draft */
  draftUrl: string;
  draft: EarlierDraft;
  doc: Y.Doc;
  canEdit: boolean;
}) {
  const [gone, setGone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [compare, setCompare] = useState<PromptContent | null>(null);
  if (gone) return null;

  async function act(what: "compare" | "use" | "discard") {
    setBusy(true);
    try {
      if (what === "discard") {
        await apiFetch(draftUrl, { method: "DELETE" });
        toast.success("Earlier draft discarded.");
        setGone(true);
        return;
      }
      const body = await apiFetch<DraftBody>(draftUrl);
      if (what === "compare") {
        setCompare(body.content);
        return;
      }
      const current = readWorkingCopy(doc);
      writeWorkingCopy(doc, { ...current, content: body.content });
      await apiFetch(draftUrl, { method: "DELETE" });
      toast.success("Your earlier draft is now the working copy.");
      setGone(true);
    } catch (e) {
      toast.error(`Earlier draft: ${(e as ApiError).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-label="Earlier private draft"
      data-testid="earlier-draft"
      className="space-y-2 rounded-lg border border-line bg-surface p-3 text-sm"
    >
      <p>
        You have an earlier private draft of this prompt (based on v{draft.baseVersion}, saved{" "}
        <Time value={draft.savedAt} />
        ). Prompts now have one working copy everyone edits together: bring yours in or discard it.
      </p>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" busy={busy} onClick={() => act("compare")}>
          Compare
        </Button>
        {canEdit ? (
          <>
            <Button busy={busy} onClick={() => act("use")}>
              Use it
            </Button>
            <Button variant="ghost" busy={busy} onClick={() => act("discard")}>
              Discard
            </Button>
          </>
        ) : null}
      </div>
      {compare ? (
        <TextDiff
          original={promptText(readWorkingCopy(doc).content)}
          modified={promptText(compare)}
          originalLabel="Working copy"
          modifiedLabel="Your earlier draft"
          height={240}
        />
      ) : null}
    </section>
  );
}
