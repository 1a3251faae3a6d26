/** Options for {@link stripMarkdown}. */
export type StripMarkdownOptions = {
  /** Markdown as people write it in comments and review descriptions. */
  text: string;
  /** The longest result, "…" included; cut at a word boundary where one is near. */
  maxLength?: number;
};

/**
 * Markdown as one line of plain text, for previews (the inbox): links and images keep their text,
 * code keeps its content, emphasis, headings, quotes, list markers, tables and HTML tags go, and
 * runs of whitespace become one space. Not a parser: good for a preview, not for rendering.
 */
export function stripMarkdown({ text, maxLength = 200 }: StripMarkdownOptions): string {
  const code: string[] = [];
  // Code and escaped characters are set aside behind placeholders first, so nothing in them is read as markdown.
  const keep = (content: string) => `\u0000${code.push(content) - 1}\u0000`;
  let out = text
    .replace(/\r\n?/g, "\n")
    .replace(/^ {0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:\n {0,3}\1[`~]*[ \t]*(?=\n|$)|$)/gm, (_, _fence, body: string) =>
      keep(body),
    )
    .replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_, _ticks, body: string) => keep(body.trim()));
  out = out
    .replace(/\\([\\`*_{}[\]()#+\-.!|~<>])/g, (_, char: string) => keep(char)) // escapes
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(/^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm, "") // link reference definitions
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/g, "$1") // images: their alt text
    .replace(/!?\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])/g, "$1") // links: their text
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, "$1") // autolinks
    .replace(/<\/?[A-Za-z][^<>]*>/g, " ") // HTML tags
    .replace(/^ {0,3}(?:[-*_][ \t]*){3,}$/gm, " ") // thematic breaks
    .replace(/^ {0,3}\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*:?-*:?[ \t]*$/gm, " ") // table delimiter rows
    .replace(/^ {0,3}#{1,6}(?:[ \t]+|$)/gm, "") // ATX headings
    .replace(/[ \t]+#+[ \t]*$/gm, "") // closing hashes of a heading
    .replace(/^[=-]{2,}[ \t]*$/gm, " ") // setext underlines
    .replace(/^(?:[ \t]*>)+[ \t]?/gm, "") // block quotes
    .replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/gm, "") // list markers, task boxes
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2") // strong
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, "$1$2") // *emphasis*
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, "$1$2") // _emphasis_, not snake_case
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "$1") // strikethrough
    .replace(/\|/g, " "); // table cells
  out = out
    .replace(/\u0000(\d+)\u0000/g, (_, i: string) => code[Number(i)]!)
    .replace(/\s+/g, " ")
    .trim();
  if (out.length <= maxLength) return out;
  const cut = out.slice(0, Math.max(0, maxLength - 1));
  const space = cut.lastIndexOf(" ");
  return `${(space > maxLength * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, "")}…`;
}
