/** The exit codes `galley --help` documents; every command keeps to them. */
export const EXIT = {
  /** Done; diff found no difference; eval passed. */
  ok: 0,
  /** diff found differences; eval's verdict refuses the candidate. */
  refused: 1,
  /** Bad usage or configuration, invalid prompt files or values (nothing was written). */
  usage: 2,
  /** Galley could not be reached, refused the key or the request, or failed. */
  server: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the CLI prints as it is (no stack) and exits with. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  /** Lines printed under the message: each problem, each field of a refusal. */
  readonly lines: string[];

  constructor(message: string, exitCode: ExitCode, lines: string[] = []) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
    this.lines = lines;
  }
}
