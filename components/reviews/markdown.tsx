"use client";

import Markdown from "react-markdown";

/**
 * Comment text as markdown. Raw HTML is not rendered (react-markdown escapes it), links open in a
 * new tab without referrer, and @handles are emphasised.
 */
export function CommentMarkdown({ text }: { text: string }) {
  return (
    <div className="prose-comment space-y-2 break-words [&_a]:text-accent [&_a]:underline [&_blockquote]:border-l-2 [&_blockquote]:border-line [&_blockquote]:pl-3 [&_blockquote]:text-muted [&_code]:rounded [&_code]:bg-subtle [&_code]:px-1 [&_ol]:list-decimal [&_ol]:pl-5 [&_pre]:overflow-auto [&_pre]:rounded [&_pre]:bg-canvas [&_pre]:p-2 [&_ul]:list-disc [&_ul]:pl-5">
      <Markdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noreferrer noopener">
              {children}
            </a>
          ),
          p: ({ children }) => <p>{highlightMentions(children)}</p>,
          li: ({ children }) => <li>{highlightMentions(children)}</li>,
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}

function highlightMentions(children: React.ReactNode): React.ReactNode {
  const walk = (node: React.ReactNode): React.ReactNode =>
    typeof node === "string"
      ? node.split(/(@[a-z0-9][a-z0-9._+-]*)/gi).map((part, i) =>
          part.startsWith("@") ? (
            <strong key={i} className="text-accent">
              {part}
            </strong>
          ) : (
            part
          ),
        )
      : Array.isArray(node)
        ? node.map((n, i) => <span key={i}>{walk(n)}</span>)
        : node;
  return walk(children);
}
