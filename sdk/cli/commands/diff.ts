// galley diff [dir] [--environment E]: local files against what the environment runs; exit 1 when different.
import path from "node:path";

import { EXIT, type ExitCode } from "../cli-error";
import type { CommandContext } from "../context";
import { readLocalPrompts, refuseProblems } from "../local-prompts";
import { colourPatch, diffPrompt } from "../prompt-diff";
import { getRemotePrompt, inPool, listPrompts } from "../remote-prompts";

export async function diff(ctx: CommandContext, opts: { dir: string; environment: string }): Promise<ExitCode> {
  const dir = path.resolve(ctx.cwd, opts.dir);
  const { prompts, problems } = readLocalPrompts(dir);
  refuseProblems(problems, "fix them to compare");
  const api = ctx.api();
  const [all, deployed] = await Promise.all([listPrompts(api), listPrompts(api, { environment: opts.environment })]);
  const known = new Set(all.map((p) => p.name));
  if (!deployed.length && all.length) await getRemotePrompt(api, { name: all[0]!.name, environment: opts.environment });
  const results = await inPool(prompts, async ({ file, prompt }) => {
    const remote = known.has(prompt.name)
      ? await getRemotePrompt(api, { name: prompt.name, environment: opts.environment })
      : null;
    const d = diffPrompt({
      local: prompt,
      remote,
      remoteLabel: remote ? `${prompt.name} in ${opts.environment} (v${remote.version})` : "/dev/null",
      localLabel: path.relative(ctx.cwd, file),
    });
    return {
      ...d,
      file: path.relative(ctx.cwd, file),
      remoteVersion: remote?.version ?? null,
      /** A new file may be a prompt Galley has but the environment does not run. */
      inGalley: known.has(prompt.name),
    };
  });
  const local = new Set(prompts.map((p) => p.prompt.name));
  const onlyInGalley = deployed.map((p) => p.name).filter((name) => !local.has(name));
  const different = results.some((r) => r.status !== "same");
  const { output } = ctx;
  const { paint } = output;
  if (output.json) {
    output.out(JSON.stringify({ environment: opts.environment, different, prompts: results, onlyInGalley }, null, 2));
    return different ? EXIT.refused : EXIT.ok;
  }
  for (const r of results) {
    if (r.status === "same") continue;
    const title =
      r.status === "new"
        ? r.inGalley
          ? `${r.name}: not deployed in ${opts.environment}`
          : `${r.name}: new prompt`
        : r.status === "details"
          ? `${r.name}: description or tags differ (not versioned; edit them in the studio)`
          : `${r.name}: differs from ${opts.environment} (v${r.remoteVersion})`;
    output.out(paint.bold(title));
    output.out(colourPatch(r.patch.trimEnd(), paint));
    for (const c of r.contractChanges.filter((c) => c.breaking || r.status === "changed"))
      output.out(c.breaking ? paint.red(`  breaking: ${c.message}`) : paint.dim(`  contract: ${c.message}`));
    output.out("");
  }
  const counts = (status: string) => results.filter((r) => r.status === status).length;
  const breaking = results.filter((r) => r.contractChanges.some((c) => c.breaking)).length;
  output.out(
    `${results.length} file(s) against ${opts.environment}: ${counts("changed")} changed, ${counts("new")} new, ${counts("details")} with other details, ${counts("same")} the same${breaking ? paint.red(`; ${breaking} with breaking contract changes`) : ""}.`,
  );
  if (onlyInGalley.length)
    output.out(paint.dim(`Deployed in ${opts.environment} with no file here: ${onlyInGalley.join(", ")}`));
  return different ? EXIT.refused : EXIT.ok;
}
