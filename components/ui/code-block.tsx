// A block of code, highlighted on the server (shiki, both themes at once: the colours switch with
// the studio's dark class, no client JavaScript), with a copy button. Scrolls inside itself, so a
// long line never widens the page.
import type { CSSProperties, ReactNode } from "react";

import { CopyButton } from "@/components/ui/copy-button";
import { highlightCode, type CodeLanguage } from "@/lib/code-highlight/highlight-code";

export type CodeBlockProps = {
  code: string;
  lang: CodeLanguage;
  /** Shown above the code; also names the copy button ("Copy <label>"). */
  label?: ReactNode;
  /** The copy button's accessible name when `label` is not plain text. */
  copyLabel?: string;
  "data-testid"?: string;
};

export async function CodeBlock({ code, lang, label, copyLabel, "data-testid": testId }: CodeBlockProps) {
  const lines = await highlightCode({ code, lang });
  const name = copyLabel ?? (typeof label === "string" ? `Copy ${label}` : "Copy code");
  return (
    <figure className="min-w-0 space-y-1" data-testid={testId}>
      <div className="flex min-h-8 items-center justify-between gap-2">
        {label ? <figcaption className="text-sm font-medium">{label}</figcaption> : <span />}
        <CopyButton text={code} variant="ghost" label={name} />
      </div>
      {/* Focusable so keyboard users can scroll it (axe: scrollable-region-focusable). */}
      <pre
        tabIndex={0}
        data-lang={lang}
        className="max-w-full overflow-x-auto rounded-md border border-line bg-surface p-3 font-mono text-xs leading-relaxed [&_span]:text-(--shiki-light) dark:[&_span]:text-(--shiki-dark)"
      >
        <code>
          {lines
            ? lines.map((line, i) => (
                <span key={i}>
                  {line.map((token, j) => (
                    <span key={j} style={{ "--shiki-light": token.light, "--shiki-dark": token.dark } as CSSProperties}>
                      {token.content}
                    </span>
                  ))}
                  {i < lines.length - 1 ? "\n" : null}
                </span>
              ))
            : code}
        </code>
      </pre>
    </figure>
  );
}
