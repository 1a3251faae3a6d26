// galley pull [dir] [--environment E]: each prompt the environment runs, as its YAML file.
import fs from "node:fs";
import path from "node:path";

import { formatPromptFile } from "../../../lib/transfer/prompt-file";
import { PROMPT_FILE_SUFFIX } from "../../../lib/validations/transfer";
import { EXIT, type ExitCode } from "../cli-error";
import type { CommandContext } from "../context";
import { getRemotePrompt, inPool, listPrompts } from "../remote-prompts";

export async function pull(ctx: CommandContext, opts: { dir: string; environment: string }): Promise<ExitCode> {
  const api = ctx.api();
  const dir = path.resolve(ctx.cwd, opts.dir);
  const [deployed, all] = await Promise.all([listPrompts(api, { environment: opts.environment }), listPrompts(api)]);
  // An empty list may mean a misspelt environment: asking for one prompt there tells (a usage error).
  if (!deployed.length && all.length) await getRemotePrompt(api, { name: all[0]!.name, environment: opts.environment });
  const fetched = await inPool(deployed, (p) => getRemotePrompt(api, { name: p.name, environment: opts.environment }));
  const written: Array<{ name: string; file: string; version: number; status: "created" | "updated" | "unchanged" }> =
    [];
  for (const prompt of fetched) {
    if (!prompt) continue; // undeployed since the list was read
    const file = path.join(dir, `${prompt.name}${PROMPT_FILE_SUFFIX}`);
    const text = formatPromptFile(prompt);
    const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
    if (before !== text) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    written.push({
      name: prompt.name,
      file: path.relative(ctx.cwd, file),
      version: prompt.version,
      status: before === null ? "created" : before === text ? "unchanged" : "updated",
    });
  }
  const pulled = new Set(written.map((w) => w.name));
  const skipped = all.map((p) => p.name).filter((name) => !pulled.has(name));
  const { output } = ctx;
  if (output.json) {
    output.out(JSON.stringify({ environment: opts.environment, prompts: written, notDeployed: skipped }, null, 2));
    return EXIT.ok;
  }
  for (const w of written)
    output.out(
      `${w.status === "unchanged" ? output.paint.dim(w.status.padEnd(9)) : output.paint.green(w.status.padEnd(9))} ${w.file} (v${w.version})`,
    );
  output.out(`${written.length} prompt(s) from ${opts.environment} in ${path.relative(ctx.cwd, dir) || "."}.`);
  if (skipped.length)
    output.out(
      output.paint.yellow(`Not deployed in ${opts.environment}, not pulled (${skipped.length}): ${skipped.join(", ")}`),
    );
  return EXIT.ok;
}
