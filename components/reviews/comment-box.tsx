"use client";

import { useRef, useState, type ReactNode } from "react";

export type MentionTarget = { name: string; handle: string };

/**
 * A comment textarea with @mention suggestions (members by their handle) and Ctrl/Cmd+Enter to
 * send. `actions` renders the buttons, given the current text.
 */
export function CommentBox({
  label,
  placeholder,
  members,
  value,
  onChange,
  onSubmit,
  error,
  autoFocus,
  actions,
}: {
  label: string;
  placeholder?: string;
  members: MentionTarget[];
  value: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
  error?: string;
  autoFocus?: boolean;
  actions: ReactNode;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(0);
  const token = /(^|\s)@([\w.+-]*)$/.exec(value.slice(0, caret))?.[2];
  const suggestions =
    token === undefined
      ? []
      : members
          .filter(
            (m) => m.handle.startsWith(token.toLowerCase()) || m.name.toLowerCase().startsWith(token.toLowerCase()),
          )
          .slice(0, 5);
  const insert = (handle: string) => {
    const start = caret - (token?.length ?? 0);
    const next = `${value.slice(0, start)}${handle} ${value.slice(caret)}`;
    onChange(next);
    requestAnimationFrame(() => {
      const pos = start + handle.length + 1;
      ref.current?.focus();
      ref.current?.setSelectionRange(pos, pos);
      setCaret(pos);
    });
  };
  return (
    <div className="space-y-2">
      <textarea
        ref={ref}
        aria-label={label}
        value={value}
        autoFocus={autoFocus}
        rows={3}
        placeholder={placeholder ?? "Markdown works; @handle mentions a member. Ctrl/Cmd+Enter sends."}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={(e) => {
          if ((e.metaKey || e.ctrlKey) && e.key === "Enter") {
            e.preventDefault();
            onSubmit();
          }
        }}
        aria-invalid={error ? true : undefined}
        className="w-full rounded-md border border-line bg-canvas px-3 py-2 text-sm aria-[invalid=true]:border-danger"
      />
      {suggestions.length ? (
        <div className="flex flex-wrap gap-1 text-xs" aria-label="Mention">
          {suggestions.map((m) => (
            <button
              key={m.handle}
              type="button"
              className="rounded border border-line px-1.5 py-0.5 hover:bg-subtle"
              onClick={() => insert(m.handle)}
            >
              @{m.handle} <span className="text-muted">{m.name}</span>
            </button>
          ))}
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">{actions}</div>
    </div>
  );
}
