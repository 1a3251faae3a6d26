import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { CliError } from "./cli-error";
import { findPromptFiles, readLocalPrompts, refuseProblems } from "./local-prompts";

let dir = "";
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the prompt files under a folder", () => {
  it("finds *.prompt.yaml at any depth, named by their path, skipping dot-folders, node_modules and other files", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-files-"));
    write("support/refund-reply.prompt.yaml", "type: text\ntemplate: Hi {{name}}\n");
    write("greeting.prompt.yaml", "type: text\ntemplate: Hello\n");
    write(".git/x.prompt.yaml", "not: read");
    write("node_modules/y.prompt.yaml", "not: read");
    write("support/notes.yaml", "not: a prompt");
    expect(findPromptFiles(dir)).toEqual(["greeting.prompt.yaml", "support/refund-reply.prompt.yaml"]);
    const { prompts, problems } = readLocalPrompts(dir);
    expect(problems).toEqual([]);
    expect(prompts.map((p) => [path.relative(dir, p.file), p.prompt.name])).toEqual([
      ["greeting.prompt.yaml", "greeting"],
      ["support/refund-reply.prompt.yaml", "support/refund-reply"],
    ]);
  });

  it("reads every file and lists every problem as file:line:column, in one error", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "galley-files-"));
    write("a.prompt.yaml", "type: text\ntemplate: Hi {{name\n");
    write("b/c.prompt.yaml", "type: chat\nmessages:\n  - role: robot\n    content: Hi\n");
    write("ok.prompt.yaml", "type: text\ntemplate: Fine\n");
    const { prompts, problems } = readLocalPrompts(dir);
    expect(prompts.map((p) => p.prompt.name)).toEqual(["ok"]);
    let error: unknown;
    try {
      refuseProblems(problems, "nothing was pushed");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe("2 problem(s) in 2 file(s); nothing was pushed.");
    expect((error as CliError).lines).toEqual([
      `${path.join(dir, "a.prompt.yaml")}:2:14 template: Unclosed tag: "{{name…" has no closing "}}". Write \\{{ for a literal "{{".`,
      expect.stringMatching(new RegExp(`^${path.join(dir, "b/c.prompt.yaml")}:3:11 messages\\.0\\.role: `)),
    ]);
    expect(() => findPromptFiles(path.join(dir, "missing"))).toThrow(/No folder/);
  });
});
