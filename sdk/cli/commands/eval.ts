// galley eval NAME (--gate ENV | --dataset D --evaluator E…) [--version N | --file F] [--baseline ENV|none]:
// an eval run through POST /api/evals, followed with GET /api/evals/{number} until it ends; exit 1
// when its verdict refuses the candidate (with --gate: as that environment's gate would).
import fs from "node:fs";
import path from "node:path";

import { readPromptFile } from "../../../lib/transfer/prompt-file";
import type { CiEvalStatus } from "../../../lib/validations/eval-run";
import { CliError, EXIT, type ExitCode } from "../cli-error";
import type { CommandContext } from "../context";
import { problemLine } from "../local-prompts";
import { progressReporter } from "../output";
import { listPrompts } from "../remote-prompts";

const POLL_MS = 1000;
const percent = (rate: number | null) => (rate === null ? "–" : `${Math.round(rate * 1000) / 10}%`);
const share = (flag: string, value: string | undefined) => {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !(n >= 0 && n <= 1))
    throw new CliError(`${flag} is a share from 0 to 1 (0.9 = 90%).`, EXIT.usage);
  return n;
};

export async function evaluate(
  ctx: CommandContext,
  opts: {
    name: string;
    gate?: string;
    dataset?: string;
    evaluators: string[];
    version?: number;
    file?: string;
    baseline?: string;
    minPassRate?: string;
    maxRegression?: string;
    waitSeconds: number;
  },
): Promise<ExitCode> {
  if (opts.version !== undefined && opts.file) throw new CliError("Give --version or --file, not both.", EXIT.usage);
  if (opts.gate && (opts.dataset || opts.evaluators.length || opts.minPassRate || opts.maxRegression))
    throw new CliError(
      "--gate takes the dataset, evaluators and limits from the environment's gate: leave out --dataset, --evaluator, --min-pass-rate and --max-regression.",
      EXIT.usage,
    );
  if (!opts.gate && (!opts.dataset || !opts.evaluators.length))
    throw new CliError(
      "Name an environment whose gate to apply (--gate production), or a dataset and evaluators (--dataset NAME --evaluator NAME).",
      EXIT.usage,
    );
  const criteria = {
    minPassRate: share("--min-pass-rate", opts.minPassRate),
    maxRegression: share("--max-regression", opts.maxRegression),
  };
  let candidate: { version: number } | { content: unknown };
  if (opts.file) {
    const file = path.resolve(ctx.cwd, opts.file);
    if (!fs.existsSync(file)) throw new CliError(`--file: no file ${opts.file}.`, EXIT.usage);
    const read = readPromptFile({ text: fs.readFileSync(file, "utf8"), name: opts.name });
    if (!read.ok)
      throw new CliError(
        `${opts.file} has ${read.problems.length} problem(s); nothing was run.`,
        EXIT.usage,
        read.problems.map((p) => problemLine({ file: opts.file!, ...p })),
      );
    candidate = { content: read.prompt.content };
  } else if (opts.version !== undefined) candidate = { version: opts.version };
  else candidate = { version: 0 };
  const api = ctx.api();
  if ("version" in candidate && candidate.version === 0) {
    const listed = (await listPrompts(api)).find((p) => p.name === opts.name);
    if (!listed?.latestVersion)
      throw new CliError(`No prompt named ${opts.name} with a version in this project.`, EXIT.usage);
    candidate = { version: listed.latestVersion };
  }
  let status = await api.request<CiEvalStatus>({
    method: "POST",
    path: "/api/evals",
    body: {
      prompt: opts.name,
      ...candidate,
      ...(opts.gate ? { gate: opts.gate } : { dataset: opts.dataset, evaluators: opts.evaluators }),
      ...(opts.baseline === undefined ? {} : { baseline: opts.baseline === "none" ? null : opts.baseline }),
      ...Object.fromEntries(Object.entries(criteria).filter(([, v]) => v !== undefined)),
      wait: 0,
    },
  });
  const { output } = ctx;
  const link = `${api.config.url}${status.url}`;
  if (!output.json) output.err(`Eval run #${status.number} started: ${link}`);
  const progress = progressReporter(output, ctx.stderr);
  const deadline = Date.now() + opts.waitSeconds * 1000;
  while (status.status === "queued" || status.status === "running") {
    progress.update(status.progress.done + status.progress.failed, status.progress.total, "rows");
    if (Date.now() > deadline) {
      progress.end();
      throw new CliError(
        `Eval run #${status.number} has not finished after ${opts.waitSeconds} s; it goes on: ${link}`,
        EXIT.server,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    status = await api.request<CiEvalStatus>({ method: "GET", path: `/api/evals/${status.number}` });
  }
  progress.update(status.progress.done + status.progress.failed, status.progress.total, "rows");
  progress.end();
  const code = status.verdict.pass ? EXIT.ok : EXIT.refused;
  if (output.json) {
    output.out(JSON.stringify({ ...status, url: link }, null, 2));
    return code;
  }
  const { paint } = output;
  const candidateColumn = status.columns.find((c) => c.role === "candidate");
  const baseline = status.columns.find((c) => c.role === "baseline");
  output.out(
    paint.bold(
      `Eval run #${status.number}: ${status.status}, ${status.progress.done}/${status.progress.total} rows scored${status.progress.failed ? `, ${status.progress.failed} failed` : ""}`,
    ),
  );
  for (const c of status.columns)
    output.out(
      `  ${c.role.padEnd(9)} ${c.label}: pass rate ${percent(c.passRate)}${c.meanScore === null ? "" : `, mean score ${c.meanScore.toFixed(2)}`}${c.errors ? paint.red(`, ${c.errors} error(s)`) : ""}`,
    );
  if (candidateColumn?.passRate != null && baseline?.passRate != null) {
    const delta = Math.round((candidateColumn.passRate - baseline.passRate) * 1000) / 10;
    const text = `  delta     ${delta > 0 ? "+" : ""}${delta} points against ${baseline.label}`;
    output.out(delta < 0 ? paint.red(`${text} (regression)`) : paint.green(text));
  }
  if (status.regressions?.rows) {
    const rows = status.regressions.positions.map((p) => p + 1).join(", ");
    const more = status.regressions.rows > status.regressions.positions.length ? ", …" : "";
    output.out(
      paint.red(
        `  regressions ${status.regressions.rows} row(s) ${baseline?.label ?? "the baseline"} passed now fail: ${rows}${more}`,
      ),
    );
  } else if (status.regressions) output.out(paint.green(`  regressions none`));
  for (const reason of status.verdict.reasons) output.out(`  ${reason}`);
  output.out(status.verdict.pass ? paint.green("Verdict: pass") : paint.red("Verdict: fail"));
  output.out(link);
  return code;
}
