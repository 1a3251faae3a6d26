"use client";

import { Trash2 } from "lucide-react";
import { useState } from "react";

import { TemplateEditor } from "@/components/editor/template-editor";
import { Button } from "@/components/ui/button";
import type { VariableSpec } from "@/lib/templates/contract";
import { MAX_MESSAGES, type ChatMessage } from "@/lib/validations/prompt";

/** The roles the role picker offers, in its order. */
const roles: ReadonlyArray<ChatMessage["role"]> = ["system", "user", "assistant", "placeholder"];

type Props = {
  messages: ChatMessage[];
  onChange: (messages: ChatMessage[]) => void;
  variables: VariableSpec[];
  prompts?: string[];
  readOnly?: boolean;
  onSave?: () => void;
};

/** A chat prompt: one editor per message, roles selectable, add / remove / reorder. */
export function MessageList({ messages, onChange, variables, prompts, readOnly, onSave }: Props) {
  // Editors are uncontrolled; after a move the texts change places, so the editors are remounted.
  const [order, setOrder] = useState(0);
  const replace = (i: number, m: ChatMessage) => onChange(messages.map((x, j) => (j === i ? m : x)));
  const move = (i: number, by: number) => {
    const next = [...messages];
    const [m] = next.splice(i, 1);
    next.splice(i + by, 0, m!);
    setOrder((o) => o + 1);
    onChange(next);
  };
  return (
    <div className="space-y-4">
      {messages.map((m, i) => (
        <section
          key={`${i}:${messages.length}:${order}`}
          aria-label={`Message ${i + 1}`}
          className="space-y-2"
          data-testid={`message-${i}`}
        >
          <div className="flex items-center gap-2">
            <select
              aria-label={`Role of message ${i + 1}`}
              value={m.role}
              disabled={readOnly}
              onChange={(e) => {
                const role = roles.find((r) => r === e.target.value) ?? m.role;
                replace(
                  i,
                  role === "placeholder"
                    ? { role, name: m.role === "placeholder" ? m.name : "history" }
                    : { role, content: m.role === "placeholder" ? "" : m.content },
                );
              }}
              className="rounded border border-line bg-surface px-2 py-1 text-xs font-medium tracking-wide uppercase"
            >
              <option value="system">System</option>
              <option value="user">User</option>
              <option value="assistant">Assistant</option>
              <option value="placeholder">Placeholder</option>
            </select>
            {readOnly ? null : (
              <div className="ml-auto flex gap-1">
                <Button
                  variant="ghost"
                  aria-label={`Move message ${i + 1} up`}
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                >
                  ↑
                </Button>
                <Button
                  variant="ghost"
                  aria-label={`Move message ${i + 1} down`}
                  disabled={i === messages.length - 1}
                  onClick={() => move(i, 1)}
                >
                  ↓
                </Button>
                <Button
                  variant="ghost"
                  icon={Trash2}
                  aria-label={`Remove message ${i + 1}`}
                  disabled={messages.length === 1}
                  onClick={() => onChange(messages.filter((_, j) => j !== i))}
                >
                  Remove
                </Button>
              </div>
            )}
          </div>
          {m.role === "placeholder" ? (
            <label className="flex items-center gap-2 rounded-md border border-dashed border-line px-3 py-2 text-muted">
              Filled by the app with the list of messages in
              <input
                value={m.name}
                disabled={readOnly}
                aria-label={`Placeholder variable of message ${i + 1}`}
                onChange={(e) => replace(i, { role: "placeholder", name: e.target.value })}
                className="w-40 rounded border border-line bg-surface px-2 py-1 font-mono text-sm text-ink"
              />
            </label>
          ) : (
            <TemplateEditor
              value={m.content}
              onChange={(content) => replace(i, { role: m.role, content })}
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
      {readOnly ? null : (
        <Button
          variant="secondary"
          disabled={messages.length >= MAX_MESSAGES}
          onClick={() =>
            onChange([...messages, { role: messages.at(-1)?.role === "user" ? "assistant" : "user", content: "" }])
          }
        >
          Add message
        </Button>
      )}
    </div>
  );
}
