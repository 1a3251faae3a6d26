// galley push [dir] [-m message] [--deploy ENV]: a new version for each file that differs from its
// prompt's latest version, new prompts created; every file is checked before anything is written.
import fs from "node:fs";
import path from "node:path";

import { templatesOf } from "../../../lib/prompts/prompt-text";
import { parseTemplate } from "../../../lib/templates/parse-template";
import { collectReferences } from "../../../lib/templates/render-template";
import { sameContent } from "../../../lib/transfer/prompt-file";
import { CliError, EXIT, type ExitCode } from "../cli-error";
import type { CommandContext } from "../context";
import { ApiError, promptPath } from "../galley-api";
import { readLocalPrompts, refuseProblems, type LocalFile, type LocalProblem } from "../local-prompts";
import { getRemotePrompt, inPool, listPrompts } from "../remote-prompts";

type Planned = LocalFile & { rel: string; baseVersion: number | null; detailsDiffer: boolean };
type Saved = { name: string; file: string; version: number; created: boolean; deployments: unknown[] };

const lineOf = (file: string, key: string) => {
  const lines = fs.readFileSync(file, "utf8").split("\n");
  const i = lines.findIndex((l) => l.startsWith(`${key}:`));
  return i === -1 ? 1 : i + 1;
};

/** New prompts that others in this push include ({{> name}}) are saved before them. */
function referencedFirst(planned: Planned[]): Planned[] {
  const byName = new Map(planned.map((p) => [p.prompt.name, p]));
  const done = new Set<string>();
  const ordered: Planned[] = [];
  const visit = (p: Planned, depth: number) => {
    if (done.has(p.prompt.name) || depth > 50) return;
    done.add(p.prompt.name);
    for (const t of templatesOf(p.prompt.content))
      for (const ref of collectReferences(parseTemplate(t.source).nodes)) {
        const dep = byName.get(ref.prompt);
        if (dep) visit(dep, depth + 1);
      }
    ordered.push(p);
  };
  for (const p of planned) visit(p, 0);
  return ordered;
}

export async function push(
  ctx: CommandContext,
  opts: { dir: string; message?: string; deploy: string[]; dryRun: boolean },
): Promise<ExitCode> {
  const dir = path.resolve(ctx.cwd, opts.dir);
  const { prompts, problems } = readLocalPrompts(dir);
  refuseProblems(problems, "nothing was pushed");
  if (opts.message !== undefined && !opts.message.trim())
    throw new CliError("-m needs a message that says what changed.", EXIT.usage);
  const api = ctx.api();
  const remote = new Map((await listPrompts(api)).map((p) => [p.name, p]));
  const typeProblems: LocalProblem[] = prompts.flatMap(({ file, prompt }) => {
    const there = remote.get(prompt.name);
    return there && there.type !== prompt.type
      ? [
          {
            file,
            line: lineOf(file, "type"),
            column: 1,
            message: `${prompt.name} is a ${there.type} prompt in Galley; a prompt's type cannot change.`,
          },
        ]
      : [];
  });
  refuseProblems(typeProblems, "nothing was pushed");

  const compared = await inPool(prompts, async (local): Promise<Planned | { unchanged: string }> => {
    const rel = path.relative(ctx.cwd, local.file);
    const there = remote.get(local.prompt.name);
    if (!there || there.latestVersion === 0)
      return { ...local, rel, baseVersion: there ? 0 : null, detailsDiffer: false };
    const latest = await getRemotePrompt(api, { name: local.prompt.name, version: there.latestVersion });
    if (!latest)
      throw new CliError(
        `${local.prompt.name} changed while pushing (its latest version is gone); try again.`,
        EXIT.server,
      );
    const detailsDiffer =
      latest.description !== local.prompt.description || latest.tags.join() !== local.prompt.tags.join();
    if (sameContent(latest.content, local.prompt.content))
      return detailsDiffer ? { ...local, rel, baseVersion: -1, detailsDiffer } : { unchanged: local.prompt.name };
    return { ...local, rel, baseVersion: there.latestVersion, detailsDiffer };
  });
  const unchanged = compared.flatMap((c) => ("unchanged" in c ? [c.unchanged] : []));
  const detailsOnly = compared.flatMap((c) => ("unchanged" in c || c.baseVersion !== -1 ? [] : [c.prompt.name]));
  const planned = referencedFirst(compared.flatMap((c) => ("unchanged" in c || c.baseVersion === -1 ? [] : [c])));

  const { output } = ctx;
  const saved: Saved[] = [];
  let failure: CliError | null = null;
  if (!opts.dryRun) {
    for (const p of planned) {
      const created = p.baseVersion === null;
      try {
        const res = await api.request<{ name: string; version: number; deployments: unknown[] }>({
          method: "POST",
          path: `${promptPath(p.prompt.name)}/versions`,
          body: {
            content: p.prompt.content,
            message: opts.message ?? p.prompt.message ?? `Pushed from ${p.rel}`,
            ...(created
              ? { type: p.prompt.type, description: p.prompt.description, tags: p.prompt.tags }
              : { baseVersion: p.baseVersion }),
            deploy: opts.deploy,
          },
        });
        saved.push({ name: res.name, file: p.rel, version: res.version, created, deployments: res.deployments });
        if (!output.json)
          output.err(
            `${output.paint.green(created ? "created" : "saved")} ${res.name} v${res.version}${opts.deploy.length ? ` → ${opts.deploy.join(", ")}` : ""}`,
          );
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        const conflict = error instanceof ApiError && error.status === 409 && !opts.deploy.length;
        failure = conflict
          ? new CliError(
              `${p.prompt.name} has a newer version than v${p.baseVersion} (saved in the studio meanwhile?): ${error.message}. Run galley diff or pull, merge, and push again.`,
              error.exitCode,
              error.lines,
            )
          : new CliError(`${p.prompt.name} (${p.rel}): ${error.message}`, error.exitCode, error.lines);
        break;
      }
    }
  }
  const notSaved = planned.slice(saved.length).map((p) => p.prompt.name);
  if (output.json) {
    output.out(
      JSON.stringify(
        {
          dryRun: opts.dryRun,
          saved,
          ...(opts.dryRun ? { wouldSave: planned.map((p) => p.prompt.name) } : {}),
          unchanged,
          detailsNotPushed: [...detailsOnly, ...planned.filter((p) => p.detailsDiffer).map((p) => p.prompt.name)],
          notSaved: opts.dryRun ? [] : notSaved,
          error: failure ? { message: failure.message, lines: failure.lines } : null,
        },
        null,
        2,
      ),
    );
    return failure ? failure.exitCode : EXIT.ok;
  }
  if (opts.dryRun)
    for (const p of planned)
      output.out(`would ${p.baseVersion === null ? "create" : "save a version of"} ${p.prompt.name}`);
  const stale = [
    ...detailsOnly,
    ...planned.filter((p) => p.baseVersion !== null && p.detailsDiffer).map((p) => p.prompt.name),
  ];
  if (stale.length)
    output.out(
      output.paint.yellow(
        `Description or tags differ but are not versioned, so push leaves them (edit them in the studio): ${stale.join(", ")}`,
      ),
    );
  if (failure) {
    if (notSaved.length) failure.lines.push(`Not saved: ${notSaved.join(", ")}`);
    throw failure;
  }
  output.out(
    `${opts.dryRun ? planned.length : saved.length} version(s) ${opts.dryRun ? "to save" : "saved"}, ${unchanged.length + detailsOnly.length} prompt(s) unchanged.`,
  );
  return EXIT.ok;
}
