// The prompt files under a folder: found, read and checked all at once, so a command can refuse
// to write anything while any file has a problem.
import fs from "node:fs";
import path from "node:path";

import {
  MAX_PROMPT_FILE_BYTES,
  promptNameOfPath,
  readPromptFile,
  type LocalPrompt,
} from "../../lib/transfer/prompt-file";
import { PROMPT_FILE_SUFFIX } from "../../lib/validations/transfer";
import { CliError, EXIT } from "./cli-error";

/** A bound on one folder: far above a real project (a project lists at most 10,000 prompts). */
const MAX_FILES = 10_000;

export type LocalFile = { file: string; prompt: LocalPrompt };
export type LocalProblem = { file: string; line: number; column: number; message: string };

/** Every *.prompt.yaml under `dir` (not in dot-folders or node_modules), sorted, relative to `dir`. */
export function findPromptFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) throw new CliError(`No folder ${dir}.`, EXIT.usage);
  const found: string[] = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile() && entry.name.endsWith(PROMPT_FILE_SUFFIX)) {
        found.push(child);
        if (found.length > MAX_FILES)
          throw new CliError(
            `More than ${MAX_FILES} prompt files under ${dir}; point at a smaller folder.`,
            EXIT.usage,
          );
      }
    }
  };
  walk("");
  return found.sort();
}

/** Reads and checks every prompt file under `dir`; `problems` lists each one with file, line and column. */
export function readLocalPrompts(dir: string): { prompts: LocalFile[]; problems: LocalProblem[] } {
  const prompts: LocalFile[] = [];
  const problems: LocalProblem[] = [];
  for (const rel of findPromptFiles(dir)) {
    const file = path.join(dir, rel);
    if (fs.statSync(file).size > MAX_PROMPT_FILE_BYTES) {
      problems.push({ file, line: 1, column: 1, message: "The file is larger than 4 MB." });
      continue;
    }
    const read = readPromptFile({ text: fs.readFileSync(file, "utf8"), name: promptNameOfPath(rel)! });
    if (read.ok) prompts.push({ file, prompt: read.prompt });
    else problems.push(...read.problems.map((p) => ({ file, ...p })));
  }
  return { prompts, problems };
}

export const problemLine = (p: LocalProblem) => `${p.file}:${p.line}:${p.column} ${p.message}`;

/** Throws a usage error listing every problem when there is any. */
export function refuseProblems(problems: LocalProblem[], what: string) {
  if (!problems.length) return;
  const files = new Set(problems.map((p) => p.file)).size;
  throw new CliError(
    `${problems.length} problem(s) in ${files} file(s); ${what}.`,
    EXIT.usage,
    problems.map(problemLine),
  );
}
