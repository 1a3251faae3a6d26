"use client";

import { useState } from "react";

import { CommentBox, type MentionTarget } from "@/components/reviews/comment-box";
import { CommentMarkdown } from "@/components/reviews/markdown";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Time } from "@/components/ui/time";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { ReviewThread as Thread } from "@/lib/reviews/get-review-detail";

/** A comment thread with its replies, resolve/unresolve and a reply box; `currentVersion` marks threads on older versions as outdated. */
export function ReviewThread({
  api,
  thread,
  members,
  canComment,
  onDone,
  currentVersion,
}: {
  api: string;
  thread: Thread;
  members: MentionTarget[];
  canComment: boolean;
  onDone: () => void;
  currentVersion?: number;
}) {
  const [replying, setReplying] = useState(false);
  const [body, setBody] = useState("");
  const reply = useRequest();
  const resolve = useRequest();
  const send = async () => {
    if (await reply.run(() => apiFetch(`${api}/comments`, { body: { body, threadId: thread.id } }))) {
      setBody("");
      setReplying(false);
      onDone();
    }
  };
  const toggle = async () => {
    if (
      await resolve.run(() =>
        apiFetch(`${api}/comments/${thread.id}`, { method: "PATCH", body: { resolved: !thread.resolved } }),
      )
    )
      onDone();
  };
  return (
    <article
      id={`comment-${thread.id}`}
      className={`rounded-md border border-line ${thread.resolved ? "opacity-75" : ""}`}
      data-testid="thread"
    >
      <div className="flex flex-wrap items-center gap-2 border-b border-line bg-subtle/50 px-3 py-1.5 text-xs text-muted">
        {thread.line !== null ? (
          <span className="font-medium text-ink">
            Line {thread.line} of v{thread.version}
            {currentVersion !== undefined && thread.version !== currentVersion ? " (outdated)" : ""}
          </span>
        ) : null}
        {thread.resolved ? <span data-testid="thread-resolved">Resolved by {thread.resolvedBy}</span> : null}
        <span className="flex-1" />
        {canComment ? (
          <button type="button" className="hover:text-ink" disabled={resolve.busy} onClick={toggle}>
            {thread.resolved ? "Unresolve" : "Resolve"}
          </button>
        ) : null}
      </div>
      {[thread, ...thread.replies].map((c) => (
        <div key={c.id} id={`comment-${c.id}`} className="px-3 py-2">
          <div className="text-xs text-muted">
            <span className="font-medium text-ink">{c.authorName}</span> · <Time value={c.createdAt} />
          </div>
          <CommentMarkdown text={c.body} />
        </div>
      ))}
      {resolve.error ? <Alert>{resolve.error}</Alert> : null}
      {canComment ? (
        <div className="border-t border-line px-3 py-2">
          {replying ? (
            <CommentBox
              label="Reply"
              members={members}
              value={body}
              onChange={setBody}
              onSubmit={send}
              autoFocus
              error={reply.fields.body ?? reply.error}
              actions={
                <>
                  <Button busy={reply.busy} disabled={!body.trim()} onClick={send}>
                    Reply
                  </Button>
                  <Button variant="ghost" onClick={() => setReplying(false)}>
                    Cancel
                  </Button>
                </>
              }
            />
          ) : (
            <button type="button" className="text-xs text-accent hover:underline" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
        </div>
      ) : null}
    </article>
  );
}
