// What the CLI prints: results on stdout, progress and problems on stderr. Colours and the progress
// bar only on a terminal, and never with NO_COLOR (https://no-color.org) or --json.

export type Stream = { write(text: string): unknown; isTTY?: boolean };

export type Paint = Record<"red" | "green" | "yellow" | "cyan" | "bold" | "dim", (text: string) => string>;

export type Output = {
  json: boolean;
  /** stderr is a terminal: a progress bar may redraw one line. */
  interactive: boolean;
  paint: Paint;
  out(text: string): void;
  err(text: string): void;
};

const codes: Record<keyof Paint, [number, number]> = {
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  bold: [1, 22],
  dim: [2, 22],
};

export function makeOutput(opts: { json: boolean; stdout: Stream; stderr: Stream; noColor: boolean }): Output {
  const color = !opts.json && !opts.noColor && !!opts.stdout.isTTY;
  const paint = Object.fromEntries(
    Object.entries(codes).map(([name, [on, off]]) => [
      name,
      (text: string) => (color ? `\u001b[${on}m${text}\u001b[${off}m` : text),
    ]),
  ) as Paint;
  return {
    json: opts.json,
    interactive: !opts.json && !opts.noColor && !!opts.stderr.isTTY,
    paint,
    out: (text) => void opts.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => void opts.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
  };
}

/** A progress bar redrawn in place on a terminal; elsewhere one line whenever the count changes. */
export function progressReporter(output: Output, stderr: Stream) {
  let last = "";
  return {
    update(done: number, total: number, label: string) {
      const line = `${label} ${done}/${total}`;
      if (line === last) return;
      last = line;
      if (output.json) return;
      if (!output.interactive) return output.err(line);
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : 0;
      stderr.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
    },
    end() {
      if (output.interactive && last) stderr.write("\n");
    },
  };
}
