// The galley CLI: prompts as code. Parsing is commander's; each command lives in commands/ and
// returns its exit code; errors are CliErrors printed without a stack.
import { Command, CommanderError, Option } from "commander";

import { CliError, EXIT, type ExitCode } from "./cli-error";
import { diff } from "./commands/diff";
import { evaluate } from "./commands/eval";
import { pull } from "./commands/pull";
import { push } from "./commands/push";
import { render } from "./commands/render";
import { makeApi, type CommandContext } from "./context";
import { makeOutput, type Stream } from "./output";

declare const GALLEY_CLI_VERSION: string | undefined;
const VERSION = typeof GALLEY_CLI_VERSION === "string" ? GALLEY_CLI_VERSION : "0.0.0-dev";

const HELP_AFTER = `
Configuration:
  GALLEY_URL       where Galley runs, e.g. https://galley.example.com (or --url)
  GALLEY_API_KEY   an API key from Settings → API keys (or --api-key); pull, diff and
                   render need prompts:read, push and eval prompts:write

Exit codes:
  0  done; diff found no difference; eval passed
  1  diff found differences; eval's verdict refused the candidate
  2  bad usage or configuration, invalid prompt files or values (nothing was written)
  3  Galley could not be reached, refused the key or the request (e.g. a conflict), or failed

Prompt files: one <name>.prompt.yaml per prompt under the folder (support/refund-reply.prompt.yaml
holds support/refund-reply), the format of the studio's import and export.
Colours and progress bars only on a terminal, never with NO_COLOR or --json.`;

export type CliIo = {
  stdout: Stream;
  stderr: Stream;
  env: Record<string, string | undefined>;
  cwd: string;
  fetch?: typeof fetch;
};

type Common = { url?: string; apiKey?: string; json?: boolean; timeout?: string };

const collect = (value: string, previous: string[]) => [...previous, value];
const positiveInt = (flag: string) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 2_147_483_647)
    throw new CliError(`${flag} is a version number (1, 2, 3…), not "${value}".`, EXIT.usage);
  return n;
};

/** Runs the CLI with `argv` (the arguments after the program name); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  let json = false;
  const context = (opts: Common): CommandContext => {
    json = !!opts.json;
    return {
      cwd: io.cwd,
      stderr: io.stderr,
      output: makeOutput({ json, stdout: io.stdout, stderr: io.stderr, noColor: !!io.env.NO_COLOR }),
      api: makeApi({ ...opts, env: io.env, fetch: io.fetch ?? fetch }),
    };
  };
  const common = (cmd: Command) =>
    cmd
      .option("--url <url>", "Galley's address (default: $GALLEY_URL)")
      .option("--api-key <key>", "an API key (default: $GALLEY_API_KEY)")
      .option("--timeout <seconds>", "per request (default 30)")
      .option("--json", "print one JSON document for scripts");

  const program = new Command()
    .name("galley")
    .description("Keep Galley prompts in git: pull, diff, push, render and evaluate them.")
    .version(VERSION, "-V, --version", "print the CLI's version")
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (s) => void io.stdout.write(s), writeErr: (s) => void io.stderr.write(s) })
    .showHelpAfterError("(galley --help shows every command)")
    .addHelpText("after", HELP_AFTER);

  // pull and diff: a folder, against what one environment runs.
  for (const [name, description, envHelp, run] of [
    ["pull", "write each prompt the environment runs as <dir>/<name>.prompt.yaml (removes nothing)", "pull from", pull],
    ["diff", "show how the files differ from what the environment runs; exit 1 when they do", "compare with", diff],
  ] as const)
    common(program.command(name))
      .description(description)
      .argument("[dir]", "folder of prompt files", ".")
      .option("-e, --environment <env>", `the environment to ${envHelp}`, "production")
      .action(async (dir: string, opts: Common & { environment: string }) => {
        code = await run(context(opts), { dir, environment: opts.environment });
      });

  common(program.command("push"))
    .description("save a new version of each file that differs from its prompt's latest version")
    .argument("[dir]", "folder of prompt files", ".")
    .option("-m, --message <message>", "the version message (default: the file's message, else where it came from)")
    .option("--deploy <env>", "deploy each new version to this unprotected environment (repeatable)", collect, [])
    .option("--dry-run", "say what would be saved, save nothing")
    .action(async (dir: string, opts: Common & { message?: string; deploy: string[]; dryRun?: boolean }) => {
      code = await push(context(opts), { dir, message: opts.message, deploy: opts.deploy, dryRun: !!opts.dryRun });
    });

  common(program.command("render"))
    .description("render a prompt with values (on the server): the text, or the messages as JSON")
    .argument("<name>", "the prompt, e.g. support/refund-reply")
    .option("-e, --environment <env>", "what this environment runs (default production)")
    .option("--version <n>", "a version instead of an environment", positiveInt("--version"))
    .option("--var <name=value>", "a value (repeatable; numbers, booleans and JSON as the contract says)", collect, [])
    .option("--vars <file.json>", "values from a JSON object (--var wins)")
    .action(
      async (name: string, opts: Common & { environment?: string; version?: number; var: string[]; vars?: string }) => {
        code = await render(context(opts), {
          name,
          environment: opts.environment,
          version: opts.version,
          vars: opts.var,
          varsFile: opts.vars,
        });
      },
    );

  common(program.command("eval"))
    .description("run an evaluation, follow it, print the summary; exit 1 when its verdict fails")
    .argument("<name>", "the prompt, e.g. support/refund-reply")
    .option("--gate <env>", "judge as this environment's evaluation gate would: its dataset, evaluators and limits")
    .option("--dataset <name>", "the dataset (its latest version), without --gate")
    .option("--evaluator <name>", "an evaluator (repeatable), without --gate", collect, [])
    .option("--version <n>", "the version to evaluate (default: the latest)", positiveInt("--version"))
    .option("--file <path>", "evaluate a local prompt file instead of a saved version")
    .option(
      "--baseline <env>",
      'compare with what this environment runs (default: the gate\'s, else production; "none": no baseline)',
    )
    .option("--min-pass-rate <share>", "the candidate's pass rate must reach this, 0–1 (default 1), without --gate")
    .option("--max-regression <share>", "how far it may fall below the baseline, 0–1 (default: none), without --gate")
    .addOption(new Option("--wait <seconds>", "give up following the run after this long").default("1800"))
    .action(
      async (
        name: string,
        opts: Common & {
          gate?: string;
          dataset?: string;
          evaluator: string[];
          version?: number;
          file?: string;
          baseline?: string;
          minPassRate?: string;
          maxRegression?: string;
          wait: string;
        },
      ) => {
        const wait = Number(opts.wait);
        if (!(wait > 0 && wait <= 86_400)) throw new CliError("--wait is a number of seconds up to 86400.", EXIT.usage);
        code = await evaluate(context(opts), {
          name,
          gate: opts.gate,
          dataset: opts.dataset,
          evaluators: opts.evaluator,
          version: opts.version,
          file: opts.file,
          baseline: opts.baseline,
          minPassRate: opts.minPassRate,
          maxRegression: opts.maxRegression,
          waitSeconds: wait,
        });
      },
    );

  try {
    await program.parseAsync(argv, { from: "user" });
    return code;
  } catch (error) {
    if (error instanceof CommanderError)
      return error.code === "commander.helpDisplayed" ||
        error.code === "commander.version" ||
        error.code === "commander.help"
        ? EXIT.ok
        : EXIT.usage;
    if (error instanceof CliError) {
      if (json)
        io.stdout.write(
          `${JSON.stringify({ error: { message: error.message, lines: error.lines, exitCode: error.exitCode } }, null, 2)}\n`,
        );
      else io.stderr.write(`galley: ${[error.message, ...error.lines.map((l) => `  ${l}`)].join("\n")}\n`);
      return error.exitCode;
    }
    io.stderr.write(`galley: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.server;
  }
}
