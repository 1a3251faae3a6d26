import { describe, expect, it } from "vitest";

import {
  formatPromptFile,
  inKeyOrder,
  promptNameOfPath,
  readPromptFile,
  sameContent,
  type LocalPrompt,
} from "./prompt-file";

const chat: Omit<LocalPrompt, "message"> = {
  name: "support/refund-reply",
  type: "chat",
  description: "Answers refund questions",
  tags: ["support", "refunds"],
  content: {
    messages: [
      { role: "system", content: "You help {{customer}}.\n  Indented: kept # not a comment\n\nBlank line above." },
      { role: "placeholder", name: "history" },
      { role: "user", content: "  leading and trailing spaces  " },
    ],
    contract: {
      variables: [
        { name: "customer", type: "string", required: true, description: "Their first name", example: "Ana" },
        { name: "history", type: "messages", required: false },
      ],
    },
    modelConfig: {
      model: "gpt-4o-mini",
      temperature: 0.3,
      stop: ["\n\n"],
      responseFormat: { type: "json_schema", name: "reply", schema: { type: "object", required: ["a"] } },
    },
  },
};

describe("prompt files", () => {
  it("reads back exactly what it writes, for text and chat, with awkward text", () => {
    const text: Omit<LocalPrompt, "message"> = {
      name: "greeting",
      type: "text",
      description: "",
      tags: [],
      content: {
        template: "Hi {{name}}: 'quotes' \"double\" \\{{literal}} – ünïcödé 👋\ttab\n",
        contract: { variables: [{ name: "name", type: "string", required: true }] },
        modelConfig: {},
      },
    };
    for (const prompt of [
      chat,
      text,
      { ...text, content: { ...text.content, template: "", contract: { variables: [] } } },
    ]) {
      const read = readPromptFile({ text: formatPromptFile(prompt), name: prompt.name });
      expect(read).toEqual({ ok: true, prompt });
    }
  });

  it("writes multi-line text as literal blocks, keys in reading order, and leaves empty description and tags out", () => {
    const file = formatPromptFile({ ...chat, description: "", tags: [] });
    expect(file.split("\n").filter((l) => /^\S/.test(l))).toEqual([
      "name: support/refund-reply",
      "type: chat",
      "messages:",
      "contract:",
      "modelConfig:",
    ]);
    expect(file).toContain("    content: |-\n      You help {{customer}}.\n        Indented: kept # not a comment\n\n");
  });

  it("puts keys in one order, so content read back from jsonb (which reorders keys) compares equal", () => {
    const shuffled = {
      ...chat.content,
      modelConfig: {
        responseFormat: { schema: { required: ["a"], type: "object" }, name: "reply", type: "json_schema" as const },
        stop: ["\n\n"],
        temperature: 0.3,
        model: "gpt-4o-mini",
      },
      contract: {
        variables: chat.content.contract.variables.map(
          (v) => Object.fromEntries(Object.entries(v).reverse()) as typeof v,
        ),
      },
    };
    expect(formatPromptFile({ ...chat, content: shuffled })).toBe(formatPromptFile(chat));
    expect(sameContent(shuffled, chat.content)).toBe(true);
    expect(
      sameContent({ ...chat.content, modelConfig: { ...chat.content.modelConfig, temperature: 0.4 } }, chat.content),
    ).toBe(false);
    expect(inKeyOrder({ b: 1, a: undefined, role: "x" })).toEqual({ role: "x", b: 1 });
  });

  it("names the prompt after the path and refuses a name: that disagrees or a path that is no prompt name", () => {
    expect(promptNameOfPath("support/refund-reply.prompt.yaml")).toBe("support/refund-reply");
    expect(promptNameOfPath("support\\refund-reply.prompt.yaml")).toBe("support/refund-reply");
    expect(promptNameOfPath("notes.yaml")).toBeNull();
    expect(readPromptFile({ text: "name: other\ntype: text\ntemplate: Hi\n", name: "greeting" })).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          column: 7,
          message: expect.stringContaining("the file's path makes it greeting, but it says other"),
        },
      ],
    });
    expect(readPromptFile({ text: "type: text\ntemplate: Hi\n", name: "Support/Reply" })).toMatchObject({
      ok: false,
      problems: [{ line: 1, column: 1, message: expect.stringContaining('makes the prompt\'s name "Support/Reply"') }],
    });
    expect(readPromptFile({ text: "type: text\ntemplate: Hi\n" })).toMatchObject({
      ok: false,
      problems: [{ line: 1, column: 1, message: "name: say which prompt this file holds." }],
    });
  });

  it("lists every problem with its line and column: YAML, schema, unknown keys, type rules, template syntax", () => {
    expect(readPromptFile({ text: "type: text\ntemplate: [unclosed\n", name: "a" })).toMatchObject({
      ok: false,
      problems: [{ line: 3, column: 1, message: expect.stringMatching(/^YAML: /) }],
    });
    expect(readPromptFile({ text: "type: text\ntype: chat\ntemplate: Hi\n", name: "a" })).toMatchObject({
      ok: false,
      problems: [{ line: 2, column: 1, message: expect.stringContaining("Map keys must be unique") }],
    });
    const file = [
      "type: chat", // 1
      "tempreature: 1", // 2
      "messages:", // 3
      "  - role: system", // 4
      "    content: |", // 5
      "      First line", // 6
      "      Second {{#open}} line", // 7
      "  - role: robot", // 8
      "    content: Hi", // 9
      "contract:", // 10
      "  variables:", // 11
      "    - name: 1bad", // 12
      "      type: string", // 13
      "      required: true", // 14
      "modelConfig:", // 15
      "  temperature: 3", // 16
      "  stop: [a, b, c, d, e]", // 17
    ].join("\n");
    const read = readPromptFile({ text: file, name: "a" });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => [p.line, p.column, p.message.slice(0, 40)])).toEqual([
      [2, 1, 'Unknown key "tempreature".'],
      [7, 14, "messages.0.content: Section {{#open}} is"],
      [8, 11, expect.stringMatching(/^messages\.1\.role: /)],
      [12, 13, "contract.variables.0.name: Variable name"],
      [16, 16, "modelConfig.temperature: Temperature is "],
      [17, 9, "modelConfig.stop: At most 4 stop sequenc"],
    ]);
  });

  it("holds a prompt to its type: a text prompt needs a template, a chat prompt messages", () => {
    expect(readPromptFile({ text: "type: text\nmessages: []\n", name: "a" })).toMatchObject({
      ok: false,
      problems: [
        { line: 1, column: 7, message: "template: a text prompt needs a template." },
        { line: 2, column: 1, message: "A text prompt has a template, not messages." },
      ],
    });
    expect(readPromptFile({ text: "type: chat\ntemplate: Hi\n", name: "a" })).toMatchObject({
      ok: false,
      problems: [
        { line: 1, column: 7, message: "messages: a chat prompt needs at least one message." },
        { line: 2, column: 1, message: "A chat prompt has messages, not a template." },
      ],
    });
    expect(readPromptFile({ text: "- a list\n", name: "a" })).toMatchObject({ ok: false, problems: [{ line: 1 }] });
  });

  it("completes the contract from the text as the server does on save", () => {
    const read = readPromptFile({
      text: "type: text\ntemplate: Hi {{name}}, {{#vip}}welcome back{{/vip}}\n",
      name: "a",
    });
    expect(read.ok && read.prompt.content.contract.variables.map((v) => [v.name, v.type, v.required])).toEqual([
      ["name", "string", true],
      ["vip", "boolean", true],
    ]);
  });
});
