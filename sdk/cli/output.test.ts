import { describe, expect, it } from "vitest";

import { makeOutput, progressReporter } from "./output";

const stream = (isTTY: boolean) => {
  const written: string[] = [];
  return { isTTY, written, write: (s: string) => written.push(s) };
};

describe("output", () => {
  it("colours only a terminal, and never with NO_COLOR or --json", () => {
    const red = (opts: { tty: boolean; noColor: boolean; json: boolean }) =>
      makeOutput({
        json: opts.json,
        noColor: opts.noColor,
        stdout: stream(opts.tty),
        stderr: stream(opts.tty),
      }).paint.red("x");
    expect(red({ tty: true, noColor: false, json: false })).toBe("\u001b[31mx\u001b[39m");
    expect(red({ tty: false, noColor: false, json: false })).toBe("x");
    expect(red({ tty: true, noColor: true, json: false })).toBe("x");
    expect(red({ tty: true, noColor: false, json: true })).toBe("x");
  });

  it("draws a progress bar in place on a terminal, and elsewhere a line per change", () => {
    const tty = stream(true);
    const bar = progressReporter(makeOutput({ json: false, noColor: false, stdout: tty, stderr: tty }), tty);
    bar.update(0, 4, "rows");
    bar.update(2, 4, "rows");
    bar.update(2, 4, "rows");
    bar.end();
    expect(tty.written).toEqual([
      `\rrows [${"-".repeat(30)}] 0/4`,
      `\rrows [${"#".repeat(15)}${"-".repeat(15)}] 2/4`,
      "\n",
    ]);
    const log = stream(false);
    const lines = progressReporter(makeOutput({ json: false, noColor: false, stdout: log, stderr: log }), log);
    lines.update(0, 4, "rows");
    lines.update(0, 4, "rows");
    lines.update(4, 4, "rows");
    lines.end();
    expect(log.written).toEqual(["rows 0/4\n", "rows 4/4\n"]);
  });
});
