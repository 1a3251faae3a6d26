import { describe, expect, it } from "vitest";

import { EXIT } from "./cli-error";
import { runCli } from "./main";

// The CLI's own refusals: usage and configuration, before any request (the e2e spec runs the
// commands against a real server).
async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    cwd: process.cwd(),
    fetch: () => Promise.reject(new Error("no request is expected")),
  });
  return { code, stdout, stderr };
}

describe("galley", () => {
  it("documents its commands and exit codes in --help and exits 0", async () => {
    const help = await run(["--help"]);
    expect(help.code).toBe(EXIT.ok);
    for (const text of [
      "pull [options] [dir]",
      "diff",
      "push",
      "render",
      "eval",
      "Exit codes:",
      "GALLEY_API_KEY",
      "NO_COLOR",
    ])
      expect(help.stdout).toContain(text);
    expect((await run(["push", "--help"])).stdout).toContain("--deploy <env>");
  });

  it("exits 2 on bad usage or missing configuration, naming what to fix", async () => {
    expect(await run(["frobnicate"])).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining("unknown command"),
    });
    expect(await run(["render"])).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining("missing required argument 'name'"),
    });
    expect(await run(["pull", "."])).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining("GALLEY_URL") });
    expect(await run(["pull", "."], { GALLEY_URL: "http://localhost:3000" })).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining("GALLEY_API_KEY"),
    });
    expect(await run(["pull", "--url", "ftp://x", "--api-key", "k"])).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining("http:// or https://"),
    });
    expect(await run(["render", "a", "--version", "two"])).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining('--version is a version number (1, 2, 3…), not "two"'),
    });
    expect(
      await run(["eval", "a", "--dataset", "d", "--evaluator", "e", "--min-pass-rate", "90"], {
        GALLEY_URL: "http://x",
        GALLEY_API_KEY: "k",
      }),
    ).toMatchObject({
      code: EXIT.usage,
      stderr: expect.stringContaining("--min-pass-rate is a share from 0 to 1"),
    });
  });

  it("with --json, reports a refusal as JSON on stdout", async () => {
    const refused = await run(["diff", "--json", "/nonexistent-folder"]);
    expect(refused.code).toBe(EXIT.usage);
    expect(JSON.parse(refused.stdout)).toEqual({
      error: { message: "No folder /nonexistent-folder.", lines: [], exitCode: EXIT.usage },
    });
  });
});
