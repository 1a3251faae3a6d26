// galley render NAME [--environment E | --version N] [--var k=v …] [--vars file.json]: rendered by
// the server's render endpoint (POST /api/prompts/{name}/render), so references resolve in the
// environment and the contract is checked as applications see it.
import fs from "node:fs";
import path from "node:path";

import type { Contract } from "../../../lib/templates/contract";
import { CliError, EXIT, type ExitCode } from "../cli-error";
import type { CommandContext } from "../context";
import { promptPath } from "../galley-api";

const MAX_VARS_FILE_BYTES = 10 * 1024 * 1024;

/** --var values arrive as text; the contract says what each should be (a number, true/false, JSON). */
function typed(name: string, text: string, contract: Contract): unknown {
  const spec = contract.variables.find((v) => v.name === name);
  switch (spec?.type) {
    case "number": {
      const n = Number(text);
      if (text.trim() === "" || !Number.isFinite(n))
        throw new CliError(`--var ${name}: ${name} is a number, not "${text}".`, EXIT.usage);
      return n;
    }
    case "boolean":
      if (text !== "true" && text !== "false")
        throw new CliError(`--var ${name}: ${name} is true or false, not "${text}".`, EXIT.usage);
      return text === "true";
    case "json":
    case "messages":
      try {
        return JSON.parse(text);
      } catch {
        throw new CliError(
          `--var ${name}: ${name} is ${spec.type === "json" ? "JSON" : "a JSON list of messages"}; "${text.slice(0, 40)}" is not JSON.`,
          EXIT.usage,
        );
      }
    default:
      return text;
  }
}

export async function render(
  ctx: CommandContext,
  opts: { name: string; environment?: string; version?: number; vars: string[]; varsFile?: string },
): Promise<ExitCode> {
  if (opts.environment && opts.version !== undefined)
    throw new CliError("Give --environment or --version, not both.", EXIT.usage);
  let variables: Record<string, unknown> = {};
  if (opts.varsFile) {
    const file = path.resolve(ctx.cwd, opts.varsFile);
    if (!fs.existsSync(file)) throw new CliError(`--vars: no file ${opts.varsFile}.`, EXIT.usage);
    if (fs.statSync(file).size > MAX_VARS_FILE_BYTES)
      throw new CliError(`--vars: ${opts.varsFile} is larger than 10 MB.`, EXIT.usage);
    try {
      variables = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      throw new CliError(`--vars: ${opts.varsFile} is not JSON: ${(error as Error).message}`, EXIT.usage);
    }
    if (!variables || typeof variables !== "object" || Array.isArray(variables))
      throw new CliError(`--vars: ${opts.varsFile} must hold one JSON object of variable values.`, EXIT.usage);
  }
  const pairs = opts.vars.map((v) => {
    const eq = v.indexOf("=");
    if (eq <= 0) throw new CliError(`--var ${v}: write name=value.`, EXIT.usage);
    return [v.slice(0, eq), v.slice(eq + 1)] as const;
  });
  const api = ctx.api();
  const selector =
    opts.version !== undefined ? { version: opts.version } : opts.environment ? { environment: opts.environment } : {};
  if (pairs.length) {
    const qs = new URLSearchParams(Object.entries(selector).map(([k, v]) => [k, String(v)]));
    const served = await api.request<{ contract: Contract }>({ method: "GET", path: `${promptPath(opts.name)}?${qs}` });
    for (const [name, text] of pairs) variables[name] = typed(name, text, served.contract);
  }
  const rendered = await api.request<{ type: "text" | "chat"; text?: string; messages: unknown[] }>({
    method: "POST",
    path: `${promptPath(opts.name)}/render`,
    body: { ...selector, variables },
  });
  const { output } = ctx;
  if (output.json) output.out(JSON.stringify(rendered, null, 2));
  else if (rendered.type === "text") output.out(rendered.text ?? "");
  else output.out(JSON.stringify(rendered.messages, null, 2));
  return EXIT.ok;
}
