"use client";

import { useState } from "react";

import { CommentBox, type MentionTarget } from "@/components/reviews/comment-box";
import { ReviewThread } from "@/components/reviews/review-thread";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { ReviewThread as Thread } from "@/lib/reviews/get-review-detail";

/** One line of the new version: its threads, and a box to start another. */
export function LinePanel({
  api,
  line,
  text,
  threads,
  members,
  canComment,
  onClose,
  onDone,
}: {
  api: string;
  line: number;
  text: string;
  threads: Thread[];
  members: MentionTarget[];
  canComment: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [body, setBody] = useState("");
  const { busy, error, fields, run } = useRequest();
  const send = async () => {
    if (await run(() => apiFetch(`${api}/comments`, { body: { body, line } }))) {
      setBody("");
      onDone();
    }
  };
  return (
    <section
      aria-label={`Line ${line}`}
      className="space-y-3 rounded-lg border border-accent/40 bg-surface p-4"
      data-testid="line-panel"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="text-sm font-semibold">Line {line}</h3>
          <pre className="mt-1 truncate rounded bg-canvas px-2 py-1 text-xs">{text || " "}</pre>
        </div>
        <button type="button" className="text-xs text-muted hover:text-ink" onClick={onClose}>
          Close
        </button>
      </div>
      {threads.map((t) => (
        <ReviewThread key={t.id} api={api} thread={t} members={members} canComment={canComment} onDone={onDone} />
      ))}
      {canComment ? (
        <CommentBox
          label={`Comment on line ${line}`}
          members={members}
          value={body}
          onChange={setBody}
          onSubmit={send}
          autoFocus
          error={fields.body ?? fields.line ?? error}
          actions={
            <Button busy={busy} disabled={!body.trim()} onClick={send}>
              Comment on line {line}
            </Button>
          }
        />
      ) : null}
    </section>
  );
}
