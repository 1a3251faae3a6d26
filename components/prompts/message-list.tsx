"use client";

import { Trash2 } from "lucide-react";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";

import { TemplateEditor } from "@/components/editor/template-editor";
import { Button } from "@/components/ui/button";
import type { VariableSpec } from "@/lib/templates/contract";
import { chatMessageSchema, MAX_MESSAGES, type ChatMessage } from "@/lib/validations/prompt";

/** The roles the role picker offers, in its order. */
const roles: ReadonlyArray<ChatMessage["role"]> = ["system", "user", "assistant", "placeholder"];

/** One message to show; `text` binds its editor to the shared working copy. */
export type MessageItem = { key: string; message: ChatMessage; text?: Y.Text | null };

/** What editing the list does (absent: the list is read-only). Indexes are positions in `messages`. */
export type MessageEdits = {
  setRole: (index: number, role: ChatMessage["role"]) => void;
  setPlaceholderName: (index: number, name: string) => void;
  add: () => void;
  remove: (index: number) => void;
  move: (index: number, by: number) => void;
};

type Props = {
  messages: MessageItem[];
  /** Absent: read-only. */
  edits?: MessageEdits;
  /** Everyone's cursors in the shared texts. */
  awareness?: Awareness | null;
  variables: VariableSpec[];
  prompts?: string[];
  onSave?: () => void;
};

const placeholderProblem = (name: string) =>
  chatMessageSchema.safeParse({ role: "placeholder", name }).error?.issues[0]?.message;

/** A chat prompt: one editor per message, roles selectable, add / remove / reorder. */
export function MessageList({ messages, edits, awareness = null, variables, prompts, onSave }: Props) {
  const readOnly = !edits;
  return (
    <div className="space-y-4">
      {messages.map(({ key, message: m, text }, i) => (
        <section key={key} aria-label={`Message ${i + 1}`} className="space-y-2" data-testid={`message-${i}`}>
          <div className="flex items-center gap-2">
            <select
              aria-label={`Role of message ${i + 1}`}
              value={m.role}
              disabled={readOnly}
              onChange={(e) => edits?.setRole(i, roles.find((r) => r === e.target.value) ?? m.role)}
              className="rounded border border-line bg-surface px-2 py-1 text-xs font-medium tracking-wide uppercase"
            >
              <option value="system">System</option>
              <option value="user">User</option>
              <option value="assistant">Assistant</option>
              <option value="placeholder">Placeholder</option>
            </select>
            {!edits ? null : (
              <div className="ml-auto flex gap-1">
                <Button
                  variant="ghost"
                  aria-label={`Move message ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => edits.move(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Move message ${i + 1} down`}
                  disabled={i === messages.length - 1}
                  onClick={() => edits.move(i, 1)}
                >
                  ↓
                </Button>
                <Button
                  variant="ghost"
                  icon={Trash2}
                  aria-label={`Remove message ${i + 1}`}
                  disabled={messages.length === 1}
                  onClick={() => edits.remove(i)}
                >
                  Remove
                </Button>
              </div>
            )}
          </div>
          {m.role === "placeholder" ? (
            <label className="flex flex-wrap items-center gap-2 rounded-md border border-dashed border-line px-3 py-2 text-muted">
              Filled by the app with the list of messages in
              <input
                value={m.name}
                disabled={readOnly}
                maxLength={100}
                aria-label={`Placeholder variable of message ${i + 1}`}
                aria-invalid={Boolean(placeholderProblem(m.name))}
                onChange={(e) => edits?.setPlaceholderName(i, e.target.value)}
                className="w-40 rounded border border-line bg-surface px-2 py-1 font-mono text-sm text-ink aria-[invalid=true]:border-danger"
              />
              {placeholderProblem(m.name) ? (
                <span role="alert" className="text-xs text-danger">
                  {placeholderProblem(m.name)}
                </span>
              ) : null}
            </label>
          ) : (
            <TemplateEditor
              value={m.content}
              onChange={noop}
              live={text ? { text, awareness } : undefined}
              variables={variables}
              prompts={prompts}
              ariaLabel={`${m.role} message ${i + 1}`}
              readOnly={readOnly}
              onSave={onSave}
              minHeight={72}
            />
          )}
        </section>
      ))}
      {!edits ? null : (
        <Button variant="secondary" disabled={messages.length >= MAX_MESSAGES} onClick={edits.add}>
          Add message
        </Button>
      )}
    </div>
  );
}

const noop = () => undefined;
