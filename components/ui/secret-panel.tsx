"use client";

import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

type Props = {
  /** Names the panel for screen readers ("New API key", "Signing secret"). */
  label: string;
  title: ReactNode;
  secret: string;
  /** Why it is shown once and what to do if it is lost. */
  note: ReactNode;
  /** Test id of the element holding the secret text. */
  secretTestId: string;
  /** More to show with the secret, such as an example request that uses it. */
  children?: ReactNode;
  onDone: () => void;
  "data-testid"?: string;
};

/**
 * A secret Galley keeps only a hash or a hint of (API keys, webhook signing secrets): shown once,
 * with a copy button and a warning that it will not be shown again.
 */
export function SecretPanel({ label, title, secret, note, secretTestId, children, onDone, ...rest }: Props) {
  return (
    <section
      aria-label={label}
      className="space-y-3 rounded-lg border border-success/40 bg-surface p-5"
      data-testid={rest["data-testid"]}
    >
      <h2 className="text-base font-semibold">{title}</h2>
      <p className="text-muted">
        <strong className="font-medium text-ink">It will not be shown again.</strong> {note}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <code
          className="min-w-0 flex-1 rounded bg-canvas px-3 py-2 font-mono text-sm break-all"
          data-testid={secretTestId}
        >
          {secret}
        </code>
        <CopyButton text={secret} />
      </div>
      {children}
      <Button variant="ghost" onClick={onDone}>
        Done
      </Button>
    </section>
  );
}
