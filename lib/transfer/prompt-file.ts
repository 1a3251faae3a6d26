// One prompt's YAML file (support/refund-reply.prompt.yaml): read with every problem placed at its
// line and column, and written the way `galley pull` leaves it. Pure (yaml, zod and the template
// module): the galley CLI bundles it, and the studio's import reads the same files through it.
import { Document, isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from "yaml";

import { contractFor, templateProblems } from "@/lib/prompts/prompt-text";
import { promptNameSchema, type PromptContent } from "@/lib/validations/prompt";
import { PROMPT_FILE_SUFFIX, promptFileSchema, type PromptFile } from "@/lib/validations/transfer";

/** Far above any real prompt (a template is at most 1 MB); a bound so a stray file is refused, not parsed. */
export const MAX_PROMPT_FILE_BYTES = 4 * 1024 * 1024;

export type FileProblem = { line: number; column: number; message: string };

/** A prompt file as the server would store it: the contract follows from the text, as on every save. */
export type LocalPrompt = {
  name: string;
  type: "text" | "chat";
  description: string;
  tags: string[];
  message?: string;
  content: PromptContent;
};

export type ReadPromptFile = { ok: true; prompt: LocalPrompt } | { ok: false; problems: FileProblem[] };

/** "support/refund-reply.prompt.yaml" → "support/refund-reply"; null for any other file. */
export function promptNameOfPath(relativePath: string): string | null {
  const slashes = relativePath.replaceAll("\\", "/");
  return slashes.endsWith(PROMPT_FILE_SUFFIX) ? slashes.slice(0, -PROMPT_FILE_SUFFIX.length) : null;
}

/** Where a path of keys and indexes is in the document: its key (for a key's own problems) or value. */
function locate(doc: Document, path: PropertyKey[], want: "key" | "value" = "value"): YamlNode | null {
  let node: unknown = doc.contents;
  let last: YamlNode | null = (doc.contents as YamlNode | null) ?? null;
  for (const [i, segment] of path.entries()) {
    const final = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) return last;
      const key = isScalar(pair.key) ? pair.key : null;
      node = final && want === "key" ? key : (pair.value ?? key);
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
    } else return last;
    if (!node) return last;
    last = node as YamlNode;
  }
  return last;
}

function templateStart(opts: { node: YamlNode | null; text: string; counter: LineCounter }): {
  line: number;
  column: number;
  exact: boolean;
} {
  const { node, counter } = opts;
  if (!node?.range) return { line: 1, column: 1, exact: false };
  const at = counter.linePos(node.range[0]);
  if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) {
    // The text starts on the line after the `|` header, indented as its first line is.
    const lines = opts.text.split("\n");
    const first = lines.slice(at.line).find((l) => l.trim() !== "") ?? "";
    const indent = first.length - first.trimStart().length;
    return { line: at.line + 1, column: indent + 1, exact: node.type === Scalar.BLOCK_LITERAL };
  }
  if (isScalar(node) && node.type === Scalar.PLAIN) return { line: at.line, column: at.col, exact: true };
  return { line: at.line, column: at.col, exact: false };
}

/**
 * Reads one prompt file: YAML syntax, the file schema (the server's content schemas), the type's
 * rules (text: a template; chat: messages) and template syntax, every problem with its position.
 * `name` is what the file's path says; a `name:` key must agree with it.
 */
export function readPromptFile(opts: { text: string; name?: string }): ReadPromptFile {
  const problems: FileProblem[] = [];
  if (new TextEncoder().encode(opts.text).length > MAX_PROMPT_FILE_BYTES)
    return { ok: false, problems: [{ line: 1, column: 1, message: "The file is larger than 4 MB." }] };
  const counter = new LineCounter();
  const doc = parseDocument(opts.text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors) {
    const at = counter.linePos(error.pos[0]);
    problems.push({ line: at.line, column: at.col, message: `YAML: ${error.message.split("\n")[0]}` });
  }
  if (problems.length) return { ok: false, problems };
  const at = (node: YamlNode | null) => {
    const pos = node?.range ? counter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, problems: [{ line: 1, column: 1, message: `YAML: ${(error as Error).message}` }] };
  }
  if (!value || typeof value !== "object" || Array.isArray(value))
    return {
      ok: false,
      problems: [
        { line: 1, column: 1, message: "A prompt file is a mapping: type, then template or messages, contract…" },
      ],
    };
  // Template syntax is checked on whatever text the file has, so its problems show beside the schema's.
  const raw = value as { template?: unknown; messages?: unknown };
  const texts: Pick<PromptContent, "template" | "messages"> = {
    ...(typeof raw.template === "string" ? { template: raw.template } : {}),
    ...(Array.isArray(raw.messages)
      ? {
          messages: raw.messages.map((m: unknown) =>
            m && typeof m === "object" && typeof (m as { content?: unknown }).content === "string"
              ? { role: "user" as const, content: (m as { content: string }).content }
              : { role: "placeholder" as const, name: "_" },
          ),
        }
      : {}),
  };
  for (const { path, problem } of templateProblems(texts)) {
    const start = templateStart({ node: locate(doc, path.split(".").map(keyOrIndex)), text: opts.text, counter });
    const { line, column } = problem.span.start;
    problems.push(
      start.exact
        ? {
            line: start.line + line - 1,
            column: line === 1 ? start.column + column - 1 : column + (start.column - 1),
            message: `${path}: ${problem.message}`,
          }
        : {
            line: start.line,
            column: start.column,
            message: `${path}, line ${line}, column ${column}: ${problem.message}`,
          },
    );
  }
  const named = (value as { name?: unknown }).name;
  const fromPath = opts.name === undefined ? null : promptNameSchema.safeParse(opts.name);
  if (fromPath && !fromPath.success)
    problems.push({
      line: 1,
      column: 1,
      message: `The file's path makes the prompt's name "${opts.name}": ${fromPath.error.issues[0]?.message}`,
    });
  if (opts.name === undefined && named === undefined)
    problems.push({ line: 1, column: 1, message: "name: say which prompt this file holds." });
  else if (opts.name !== undefined && typeof named === "string" && named !== opts.name)
    problems.push({
      ...at(locate(doc, ["name"])),
      message: `name: the file's path makes it ${opts.name}, but it says ${named}. Rename the file or fix the name.`,
    });
  const parsed = promptFileSchema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          problems.push({
            ...at(locate(doc, [...issue.path, key], "key")),
            message: `Unknown key "${key}"${issue.path.length ? ` in ${issue.path.join(".")}` : ""}.`,
          });
        continue;
      }
      const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
      problems.push({ ...at(locate(doc, issue.path)), message: `${where}${issue.message}` });
    }
    return { ok: false, problems: sorted(problems) };
  }
  if (problems.length) return { ok: false, problems: sorted(problems) };
  const file: PromptFile = parsed.data;
  const name = opts.name ?? file.name;
  if (file.type === "text") {
    if (file.template === undefined)
      problems.push({ ...at(locate(doc, ["type"])), message: "template: a text prompt needs a template." });
    if (file.messages !== undefined)
      problems.push({
        ...at(locate(doc, ["messages"], "key")),
        message: "A text prompt has a template, not messages.",
      });
  } else {
    if (!file.messages?.length)
      problems.push({ ...at(locate(doc, ["type"])), message: "messages: a chat prompt needs at least one message." });
    if (file.template !== undefined)
      problems.push({
        ...at(locate(doc, ["template"], "key")),
        message: "A chat prompt has messages, not a template.",
      });
  }
  const content: PromptContent = {
    ...(file.template !== undefined ? { template: file.template } : {}),
    ...(file.messages !== undefined ? { messages: file.messages } : {}),
    contract: file.contract,
    modelConfig: file.modelConfig,
  };
  if (problems.length) return { ok: false, problems: sorted(problems) };
  return {
    ok: true,
    prompt: {
      name: name!,
      type: file.type,
      description: file.description,
      tags: file.tags,
      ...(file.message !== undefined ? { message: file.message } : {}),
      content: { ...content, contract: contractFor(content) },
    },
  };
}

const keyOrIndex = (segment: string): string | number => (/^\d+$/.test(segment) ? Number(segment) : segment);

const sorted = (problems: FileProblem[]) => [...problems].sort((a, b) => a.line - b.line || a.column - b.column);

/**
 * The file `galley pull` writes for a prompt: name, type, description and tags when set, the text,
 * the contract and the model settings, in that order; multi-line text as literal blocks, so a
 * template reads (and diffs) as it is written.
 */
export function formatPromptFile(prompt: Omit<LocalPrompt, "message">): string {
  const content = inKeyOrder(prompt.content);
  const file: Record<string, unknown> = {
    name: prompt.name,
    type: prompt.type,
    ...(prompt.description ? { description: prompt.description } : {}),
    ...(prompt.tags.length ? { tags: prompt.tags } : {}),
    ...(content.template !== undefined ? { template: content.template } : {}),
    ...(content.messages !== undefined ? { messages: content.messages } : {}),
    contract: content.contract,
    modelConfig: content.modelConfig,
  };
  return new Document(file).toString({ lineWidth: 0, blockQuote: "literal" });
}

// PostgreSQL's jsonb does not keep key order, so content is put in one order before it is written
// or compared: the keys people read first first, every other key alphabetically.
const KEY_ORDER = [
  "role",
  "name",
  "type",
  "description",
  "template",
  "messages",
  "content",
  "required",
  "default",
  "values",
  "example",
  "contract",
  "variables",
  "modelConfig",
  "provider",
  "model",
  "temperature",
  "maxTokens",
  "topP",
  "stop",
  "responseFormat",
  "tools",
  "function",
];
const rank = (key: string) => {
  const i = KEY_ORDER.indexOf(key);
  return i === -1 ? KEY_ORDER.length : i;
};

/** The value with every object's keys in one order (and undefined keys dropped); arrays keep theirs. */
export function inKeyOrder<T>(value: T): T {
  if (Array.isArray(value)) return value.map(inKeyOrder) as T;
  if (!value || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, inKeyOrder(v)]),
  ) as T;
}

/** Whether two contents would be the same version: text or messages, contract and model settings. */
export const sameContent = (a: PromptContent, b: PromptContent) =>
  JSON.stringify(inKeyOrder([a.template ?? null, a.messages ?? null, a.contract, a.modelConfig])) ===
  JSON.stringify(inKeyOrder([b.template ?? null, b.messages ?? null, b.contract, b.modelConfig]));
