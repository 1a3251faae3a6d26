"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";

import { CommentBox } from "@/components/reviews/comment-box";
import { ReviewEvent } from "@/components/reviews/review-event";
import type { ReviewPanelProps } from "@/components/reviews/review-panel-props";
import { ReviewThread } from "@/components/reviews/review-thread";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import { describeReviewTarget } from "@/lib/reviews/describe-review-target";

/** Events and threads in time order, and the box to comment, approve or request changes. */
export function ConversationPanel({
  review,
  abilities,
  members,
  api,
  live,
}: ReviewPanelProps & { api: string; live: boolean }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const { busy, error, fields, run } = useRequest();
  const box = useRef<HTMLDivElement>(null);
  const boxInView = useInView(box);
  const canDecide = abilities.decide && live;
  const target = describeReviewTarget(review);
  const items = [
    ...review.events.map((e) => ({
      at: e.createdAt,
      key: e.id,
      node: <ReviewEvent key={e.id} event={e} description={e.kind === "opened" ? review.description : ""} />,
    })),
    ...review.threads.map((t) => ({
      at: t.createdAt,
      key: t.id,
      node: (
        <ReviewThread
          key={t.id}
          api={api}
          thread={t}
          members={members}
          canComment={abilities.comment}
          onDone={() => router.refresh()}
          currentVersion={review.version}
        />
      ),
    })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const submit = async (kind: "comment" | "approve" | "request-changes") => {
    const result = await run(() =>
      kind === "comment"
        ? apiFetch(`${api}/comments`, { body: { body } })
        : apiFetch(`${api}/decisions`, { body: { decision: kind, body } }),
    );
    if (result) {
      setBody("");
      // A comment shows up in the conversation; a decision mostly changes the status, so say it.
      if (kind === "approve") toast.success(`You approved ${target}.`);
      if (kind === "request-changes") toast.success("You asked for changes.");
      router.refresh();
    }
  };
  return (
    <section aria-labelledby="conversation-heading" className="space-y-3">
      <h2 id="conversation-heading" className="font-semibold">
        Conversation
      </h2>
      <div className="space-y-3" data-testid="conversation">
        {items.map((i) => i.node)}
      </div>
      {abilities.comment || abilities.decide ? (
        <div ref={box} className="scroll-mb-24 rounded-lg border border-line bg-surface p-4">
          <CommentBox
            label="Your comment"
            members={members}
            value={body}
            onChange={setBody}
            onSubmit={() => body.trim() && submit("comment")}
            error={fields.body ?? error}
            actions={
              <>
                {abilities.comment ? (
                  <Button variant="secondary" busy={busy} disabled={!body.trim()} onClick={() => submit("comment")}>
                    Comment
                  </Button>
                ) : null}
                {canDecide ? (
                  <>
                    <Button busy={busy} onClick={() => submit("approve")}>
                      Approve {target}
                    </Button>
                    <Button variant="danger" busy={busy} onClick={() => submit("request-changes")}>
                      Request changes
                    </Button>
                  </>
                ) : null}
              </>
            }
          />
        </div>
      ) : null}
      {canDecide && !boxInView ? (
        // On a phone the decision is a thumb away while reading the diff; hidden once the box is on screen.
        <div
          role="region"
          aria-label="Decide"
          className="fixed inset-x-0 bottom-0 z-20 flex gap-2 border-t border-line bg-surface p-3 shadow-lg lg:hidden"
        >
          <Button className="flex-1" busy={busy} onClick={() => submit("approve")}>
            Approve {target}
          </Button>
          <Button
            className="flex-1"
            variant="secondary"
            onClick={() => {
              box.current?.scrollIntoView({ behavior: "smooth", block: "end" });
              box.current?.querySelector("textarea")?.focus({ preventScroll: true });
            }}
          >
            Comment…
          </Button>
        </div>
      ) : null}
    </section>
  );
}

/** Whether the element is on screen (true until measured, so nothing flashes on first paint). */
function useInView(ref: React.RefObject<HTMLElement | null>) {
  const [inView, setInView] = useState(true);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new IntersectionObserver(([entry]) => setInView(entry?.isIntersecting ?? true));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return inView;
}
