"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { RunView } from "@/lib/playground/list-runs";
import type { ReviewDetail, ReviewThread } from "@/lib/reviews/get-review-detail";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CommentBox, type MentionTarget } from "@/components/reviews/comment-box";
import { CommentMarkdown } from "@/components/reviews/markdown";
import { ReviewDiff } from "@/components/reviews/review-diff";
import { ReviewStatus } from "@/components/reviews/review-status";
import { ChangeLists } from "@/components/prompts/change-lists";
import { Time } from "@/components/ui/time";

type Abilities = { live: boolean; comment: boolean; decide: boolean; promote: boolean; close: boolean; push: boolean; attachRuns: boolean };
type Props = { projectSlug: string; review: ReviewDetail; me: { id: string; name: string }; abilities: Abilities; members: MentionTarget[]; recentRuns: RunView[] };

const v = (n: number | null) => (n ? `v${n}` : "nothing");

/** The review page: what would change, the discussion, the decisions, and promote. */
export function ReviewClient(props: Props) {
  const { review, abilities } = props;
  const router = useRouter();
  const api = `/api/projects/${props.projectSlug}/reviews/${review.number}`;
  const live = abilities.live;
  const [line, setLine] = useState<number | null>(null);
  const lineThreads = review.threads.filter((t) => t.line !== null && t.version === review.version);
  const env = review.environment.name;
  const baseMoved = review.openedBase !== review.currentBase;

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-xl font-semibold">
            {review.title} <span className="font-normal text-muted">#{review.number}</span>
          </h1>
          <ReviewStatus status={review.status} />
        </div>
        <p className="text-muted">
          {review.author.name} asks to promote{" "}
          <Link href={`/p/${props.projectSlug}/prompts/${review.prompt.name}?view=version&v=${review.version}`} className="font-mono text-accent hover:underline">
            {review.prompt.name} v{review.version}
          </Link>{" "}
          to <strong className="text-ink">{env}</strong>
          {review.environment.protected ? " (protected)" : ""}, which runs {v(review.currentBase)} now. Reviewers: {review.reviewers.map((r) => r.name).join(", ")}.
        </p>
      </header>

      {live && baseMoved ? (
        <Alert tone="info">
          <span data-testid="base-changed">
            {env} changed since this review was opened: it ran {v(review.openedBase)} then and runs {v(review.currentBase)} now. The diff below is against {v(review.currentBase)}; approvals given against the old base must be given again.
          </span>
        </Alert>
      ) : null}

      <Decisions {...props} api={api} live={live} />

      <section aria-labelledby="diff-heading" className="space-y-3">
        <h2 id="diff-heading" className="font-semibold">
          What changes in {env}
        </h2>
        <ReviewDiff
          original={review.baseText}
          modified={review.versionText}
          originalLabel={`${env} now (${v(review.currentBase)})`}
          modifiedLabel={`v${review.version}`}
          commentedLines={lineThreads.map((t) => ({ line: t.line!, resolved: t.resolved }))}
          selectedLine={line}
          onSelectLine={abilities.comment ? setLine : null}
        />
        {abilities.comment ? <LinePicker lines={review.versionText.split("\n").length} line={line} onLine={setLine} /> : null}
        {line !== null ? (
          <LinePanel
            api={api}
            line={line}
            text={review.versionText.split("\n")[line - 1] ?? ""}
            threads={lineThreads.filter((t) => t.line === line)}
            members={props.members}
            canComment={abilities.comment}
            onClose={() => setLine(null)}
            onDone={() => router.refresh()}
          />
        ) : null}
        <ChangeLists configChanges={review.configChanges} contractChanges={review.contractChanges} headingLevel="h3" />
      </section>

      <Runs {...props} api={api} />

      <Conversation {...props} api={api} live={live} />
    </div>
  );
}

function Decisions({ review, abilities, api, live, projectSlug }: Props & { api: string; live: boolean }) {
  const router = useRouter();
  const promote = useRequest();
  const push = useRequest();
  const close = useRequest();
  const a = review.approval;
  const after = (ok: unknown) => ok && router.refresh();
  return (
    <section aria-labelledby="decision-heading" className="space-y-3 rounded-lg border border-line bg-surface p-4">
      <h2 id="decision-heading" className="sr-only">
        Approvals
      </h2>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1" data-testid="approval-summary">
        <span className={a.approvals.length >= a.required ? "font-medium text-success" : "font-medium"}>
          {a.approvals.length} of {a.required} approval{a.required === 1 ? "" : "s"}
          {a.approvals.length ? `: ${a.approvals.join(", ")}` : ""}
        </span>
        {a.changesRequested.length ? <span className="text-danger">Changes requested by {a.changesRequested.join(", ")}</span> : null}
        {a.stale.length ? <span className="text-muted">Stale (given to an earlier version or base): {a.stale.join(", ")}</span> : null}
      </div>
      {review.status === "PROMOTED" ? (
        <p className="text-success">
          Promoted: {review.environment.name} runs {review.prompt.name} v{review.version}.{" "}
          <Link className="text-accent hover:underline" href={`/p/${projectSlug}/environments?env=${review.environment.slug}`}>
            See {review.environment.name}
          </Link>
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {abilities.promote ? (
          <Button busy={promote.busy} disabled={a.status !== "APPROVED"} title={a.status === "APPROVED" ? undefined : "Needs the required approvals of this version first."} onClick={async () => after(await promote.run(() => apiFetch(`${api}/promote`, { body: {} })))}>
            Promote v{review.version} to {review.environment.name}
          </Button>
        ) : null}
        {abilities.push && review.prompt.latestVersion > review.version ? (
          <Button variant="secondary" busy={push.busy} onClick={async () => after(await push.run(() => apiFetch(`${api}/version`, { body: { version: review.prompt.latestVersion } })))}>
            Update review to v{review.prompt.latestVersion}
          </Button>
        ) : null}
        {abilities.close && live ? (
          <Button variant="ghost" busy={close.busy} onClick={async () => after(await close.run(() => apiFetch(`${api}/close`, { body: {} })))}>
            Close without promoting
          </Button>
        ) : null}
        {abilities.close && review.status === "CLOSED" ? (
          <Button variant="secondary" busy={close.busy} onClick={async () => after(await close.run(() => apiFetch(`${api}/close`, { body: { reopen: true } })))}>
            Reopen
          </Button>
        ) : null}
      </div>
      {[promote.error, push.error, close.error].filter(Boolean).map((e) => (
        <Alert key={e}>{e}</Alert>
      ))}
    </section>
  );
}

function LinePicker({ lines, line, onLine }: { lines: number; line: number | null; onLine: (n: number) => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > lines) return setError(`Choose a line from 1 to ${lines}.`);
    setError(undefined);
    onLine(n);
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2 text-sm" noValidate>
      <label htmlFor="comment-line">Comment on line</label>
      <input id="comment-line" inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} placeholder={line ? String(line) : "1"} className="w-16 rounded border border-line bg-surface px-2 py-1" aria-invalid={error ? true : undefined} />
      <Button type="submit" variant="secondary">
        Open
      </Button>
      {error ? (
        <span role="alert" className="text-xs text-danger">
          {error}
        </span>
      ) : null}
    </form>
  );
}

function LinePanel({ api, line, text, threads, members, canComment, onClose, onDone }: { api: string; line: number; text: string; threads: ReviewThread[]; members: MentionTarget[]; canComment: boolean; onClose: () => void; onDone: () => void }) {
  const [body, setBody] = useState("");
  const { busy, error, fields, run } = useRequest();
  const send = async () => {
    if (await run(() => apiFetch(`${api}/comments`, { body: { body, line } }))) {
      setBody("");
      onDone();
    }
  };
  return (
    <section aria-label={`Line ${line}`} className="space-y-3 rounded-lg border border-accent/40 bg-surface p-4" data-testid="line-panel">
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
        <Thread key={t.id} api={api} thread={t} members={members} canComment={canComment} onDone={onDone} />
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

function Thread({ api, thread, members, canComment, onDone, currentVersion }: { api: string; thread: ReviewThread; members: MentionTarget[]; canComment: boolean; onDone: () => void; currentVersion?: number }) {
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
    if (await resolve.run(() => apiFetch(`${api}/comments/${thread.id}`, { method: "PATCH", body: { resolved: !thread.resolved } }))) onDone();
  };
  return (
    <article id={`comment-${thread.id}`} className={`rounded-md border border-line ${thread.resolved ? "opacity-75" : ""}`} data-testid="thread">
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

function Runs({ review, abilities, recentRuns, api }: Props & { api: string }) {
  const router = useRouter();
  const [picked, setPicked] = useState<string[]>(review.runs.map((r) => r.id));
  const { busy, error, fields, run } = useRequest();
  if (!review.runs.length && !abilities.attachRuns) return null;
  return (
    <section aria-labelledby="runs-heading" className="space-y-2">
      <h2 id="runs-heading" className="font-semibold">
        Playground runs attached by {review.author.name}
      </h2>
      {review.runs.length === 0 ? <p className="text-muted">None yet.</p> : null}
      <ul className="space-y-2" data-testid="review-runs">
        {review.runs.map((r) => (
          <li key={r.id} className="rounded-md border border-line bg-surface p-3">
            <div className="flex flex-wrap gap-3 text-xs text-muted">
              <span className="font-mono">{r.source}</span>
              <span>
                {r.providerName} · {r.model}
              </span>
              <span>
                {r.totalMs ?? "—"} ms · {r.inputTokens ?? "?"}/{r.outputTokens ?? "?"} tokens · {r.costUsd === null ? "cost unknown" : `$${r.costUsd.toFixed(6)}`}
              </span>
              <span><Time value={r.createdAt} /></span>
            </div>
            <pre className="mt-2 max-h-48 overflow-auto whitespace-pre-wrap text-xs">{r.output || r.error?.message || ""}</pre>
          </li>
        ))}
      </ul>
      {abilities.attachRuns ? (
        <details className="rounded-md border border-line bg-surface p-3">
          <summary className="cursor-pointer text-sm">Choose runs to attach</summary>
          {recentRuns.length === 0 ? (
            <p className="mt-2 text-muted">This prompt has no playground runs yet. Run it in the editor (Ctrl/Cmd+Enter), then attach the runs here.</p>
          ) : (
            <div className="mt-2 space-y-1">
              {recentRuns.map((r) => (
                <label key={r.id} className="flex items-center gap-2 text-sm">
                  <input type="checkbox" checked={picked.includes(r.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, r.id] : picked.filter((id) => id !== r.id))} />
                  <span className="font-mono text-xs">{r.source}</span> {r.model} · <Time value={r.createdAt} /> <span className="truncate text-muted">{r.output.slice(0, 80)}</span>
                </label>
              ))}
              <Button variant="secondary" busy={busy} onClick={async () => (await run(() => apiFetch(`${api}/runs`, { method: "PUT", body: { runIds: picked } }))) && router.refresh()}>
                Save attached runs
              </Button>
              {error || fields.runIds ? <Alert>{error ?? fields.runIds}</Alert> : null}
            </div>
          )}
        </details>
      ) : null}
    </section>
  );
}

const eventText: Record<string, (e: ReviewDetail["events"][number]) => string> = {
  opened: (e) => `opened this review of v${e.version}`,
  pushed: (e) => `updated the review to v${e.version}; earlier approvals are stale`,
  approved: (e) => `approved v${e.version} against ${v(e.baseVersion)}`,
  "changes-requested": (e) => `asked for changes to v${e.version}`,
  promoted: (e) => `promoted v${e.version} (replacing ${v(e.baseVersion)})`,
  closed: () => "closed the review without promoting",
  reopened: () => "reopened the review",
};

function Conversation({ review, abilities, members, api, live }: Props & { api: string; live: boolean }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const { busy, error, fields, run } = useRequest();
  const items = [
    ...review.events.map((e) => ({ at: e.createdAt, key: e.id, node: <EventItem key={e.id} event={e} description={e.kind === "opened" ? review.description : ""} /> })),
    ...review.threads.map((t) => ({ at: t.createdAt, key: t.id, node: <Thread key={t.id} api={api} thread={t} members={members} canComment={abilities.comment} onDone={() => router.refresh()} currentVersion={review.version} /> })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const submit = async (kind: "comment" | "approve" | "request-changes") => {
    const result = await run(() => (kind === "comment" ? apiFetch(`${api}/comments`, { body: { body } }) : apiFetch(`${api}/decisions`, { body: { decision: kind, body } })));
    if (result) {
      setBody("");
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
        <div className="rounded-lg border border-line bg-surface p-4">
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
                {abilities.decide && live ? (
                  <>
                    <Button busy={busy} onClick={() => submit("approve")}>
                      Approve v{review.version}
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
    </section>
  );
}

function EventItem({ event, description }: { event: ReviewDetail["events"][number]; description: string }) {
  const tone = event.kind === "approved" || event.kind === "promoted" ? "text-success" : event.kind === "changes-requested" ? "text-danger" : "text-ink";
  return (
    <div className="px-1 text-sm" data-testid={`event-${event.kind}`}>
      <span className={`font-medium ${tone}`}>{event.actorName}</span> <span className="text-muted">{(eventText[event.kind] ?? (() => event.kind))(event)} · <Time value={event.createdAt} /></span>
      {event.body || description ? (
        <div className="mt-1 rounded-md border border-line bg-surface px-3 py-2">
          <CommentMarkdown text={event.body || description} />
        </div>
      ) : null}
    </div>
  );
}
