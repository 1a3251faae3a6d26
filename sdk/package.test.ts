// The SDK as people install it: built and packed like a release, checked by @arethetypeswrong/cli,
// installed into an app with the openai package, where the "Use this prompt" TypeScript example
// (from the code the panel uses) and a CommonJS consumer must type-check under --strict. Offline:
// openai and @types/node come from this repository's node_modules.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import { builtinModules, createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import util from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { buildOperationSnippets } from "@/lib/api-reference/build-operation-snippets";
import { listOperations } from "@/lib/api-reference/list-operations";
import { buildUsageExamples } from "@/lib/serving/build-usage-examples";
import { openApiDocument } from "@/lib/serving/openapi-document";
import type { Contract } from "@/lib/templates/contract";
import type { TemplateIssue } from "@/lib/templates/render-template";

import { launchChromium } from "../bench/browser";
import { loadConformanceCases, outcomeOf, type ConformanceCase, type Renderer } from "./conformance/conformance";

const root = path.resolve(__dirname, "..");
const node = (args: string[], cwd = root) => spawnSync(process.execPath, args, { cwd, encoding: "utf8" });
let tmp = "";
let tarball = "";
let packedFiles: string[] = [];

const everyType: Contract = {
  variables: [
    { name: "customer", type: "string", required: true },
    { name: "orderTotal", type: "number", required: true, example: 42.5 },
    { name: "vip", type: "boolean", required: false },
    { name: "tone", type: "enum", required: true, values: ["warm", "formal"] },
    { name: "order", type: "json", required: false, default: { items: [] } },
    { name: "history", type: "messages", required: true },
  ],
};

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "galley-sdk-"));
  const pkg = path.join(tmp, "pkg");
  const build = node(["scripts/build-sdk.mjs", path.join(pkg, "dist")]);
  if (build.status !== 0) throw new Error(`sdk build failed:\n${build.stdout}${build.stderr}`);
  for (const file of ["package.json", "README.md", "LICENSE"])
    fs.copyFileSync(path.join(root, "sdk", file), path.join(pkg, file));
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], {
      cwd: pkg,
      encoding: "utf8",
      env: { ...process.env, npm_config_offline: "true" },
    }),
  ) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = path.join(tmp, packed!.filename);
  packedFiles = packed!.files.map((f) => f.path);

  // An app that installed the tarball and openai.
  const app = path.join(tmp, "app");
  const installed = path.join(app, "node_modules", "@galley", "sdk");
  fs.mkdirSync(installed, { recursive: true });
  execFileSync("tar", ["-xzf", tarball, "-C", installed, "--strip-components=1"]);
  fs.mkdirSync(path.join(app, "node_modules", "@types"), { recursive: true });
  for (const dep of ["openai", "@types/node"])
    fs.symlinkSync(path.join(root, "node_modules", dep), path.join(app, "node_modules", dep), "dir");
  fs.writeFileSync(path.join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
}, 120_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the SDK package", () => {
  it("ships its README, LICENSE, both bundles and a declaration for each format, and is published publicly", () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining([
        "README.md",
        "LICENSE",
        "package.json",
        "dist/index.mjs",
        "dist/index.cjs",
        "dist/types/sdk/src/index.d.mts",
        "dist/types/sdk/src/index.d.cts",
        "dist/cli.mjs",
      ]),
    );
    expect(packedFiles.filter((f) => f.endsWith(".d.ts") || f.startsWith("src/"))).toEqual([]);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "sdk", "package.json"), "utf8")) as {
      license: string;
      publishConfig?: { access?: string };
    };
    expect(manifest).toMatchObject({ license: "MIT", publishConfig: { access: "public" } });
    expect(fs.readFileSync(path.join(root, "sdk", "LICENSE"), "utf8")).toMatch(/^MIT License/);
  });

  it("needs no other package: neither a bundle nor a declaration refers to zod, which validates prompt content on the server", () => {
    const installed = path.join(tmp, "app", "node_modules", "@galley", "sdk");
    // The CLI bundles zod (it checks prompt files with the server's schemas): see the bin's own test.
    const shipped = packedFiles.filter((f) => /\.(mjs|cjs|d\.mts|d\.cts)$/.test(f) && f !== "dist/cli.mjs");
    expect(shipped.length).toBeGreaterThan(4);
    for (const file of shipped)
      expect(fs.readFileSync(path.join(installed, file), "utf8"), file).not.toMatch(
        /["']zod["']|\bZodError\b|\bz\.object\(/,
      );
  });

  it("installs a galley bin that runs with nothing else installed: every import is a Node built-in, nothing of the server is inside", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, "sdk", "package.json"), "utf8")) as {
      bin?: Record<string, string>;
      dependencies?: object;
    };
    expect(manifest.bin).toEqual({ galley: "./dist/cli.mjs" });
    expect(manifest.dependencies).toBeUndefined();
    // npm installs the tarball as a user would (offline: it has no dependencies) and links the bin.
    const project = path.join(tmp, "cli-user");
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "cli-user", private: true }));
    execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--ignore-scripts", tarball], {
      cwd: project,
      env: { ...process.env, npm_config_offline: "true" },
    });
    const bin = path.join(project, "node_modules", ".bin", "galley");
    const help = spawnSync(bin, ["--help"], { cwd: project, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    expect(help.stdout).toContain("Usage: galley [options] [command]");
    expect(help.stdout).toMatch(/Exit codes:\n {2}0 {2}done/);
    expect(help.status).toBe(0);
    const usage = spawnSync(bin, ["pull"], {
      cwd: project,
      encoding: "utf8",
      env: { ...process.env, GALLEY_URL: "", GALLEY_API_KEY: "" },
    });
    expect([usage.status, usage.stderr]).toEqual([2, expect.stringContaining("GALLEY_URL")]);

    const bundle = fs.readFileSync(path.join(project, "node_modules", "@galley", "sdk", "dist", "cli.mjs"), "utf8");
    expect(bundle.startsWith("#!/usr/bin/env node\n")).toBe(true);
    const specifiers = [...bundle.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"'\s]+)["']/g)].map(
      (m) => m[1]!,
    );
    expect(specifiers.length).toBeGreaterThan(3);
    // Minified text also holds strings such as `from ".command()"` in messages: keep what looks like a module name.
    const modules = specifiers.filter((s) => /^(@[\w.-]+\/)?[\w.:-]+(\/[\w.-]+)*$/.test(s));
    expect(modules).toContain("node:module");
    expect(modules.filter((s) => !s.startsWith("node:") && !builtinModules.includes(s))).toEqual([]);
    expect(bundle).not.toMatch(/cannot be imported from a Client Component|PrismaClient|@electric-sql|next-auth/);
  });

  it("has types that are right for every resolution mode (arethetypeswrong)", () => {
    const attw = node(
      [
        path.join(root, "node_modules/@arethetypeswrong/cli/dist/index.js"),
        tarball,
        "--format",
        "json",
        "--no-definitely-typed",
      ],
      tmp,
    );
    const report = JSON.parse(attw.stdout) as { problems?: Record<string, unknown> };
    expect(report.problems ?? {}).toEqual({});
    expect(attw.status).toBe(0);
  });

  it("loads from CommonJS and from ESM", () => {
    const app = path.join(tmp, "app");
    const cjs = node(
      [
        "-e",
        'const s = require("@galley/sdk"); process.stdout.write([typeof s.createGalley, typeof s.TemplateError].join())',
      ],
      app,
    );
    const esm = node(
      [
        "--input-type=module",
        "-e",
        'const s = await import("@galley/sdk"); process.stdout.write([typeof s.createGalley, typeof s.TemplateError].join())',
      ],
      app,
    );
    expect([cjs.stdout || cjs.stderr, esm.stdout || esm.stderr]).toEqual(["function,function", "function,function"]);
  });

  it("renders every template conformance case as expected, from its ESM and its CommonJS bundle", async () => {
    const installed = path.join(tmp, "app", "node_modules", "@galley", "sdk");
    const esm = (await import(pathToFileURL(path.join(installed, "dist", "index.mjs")).href)) as Renderer;
    const cjs = createRequire(path.join(tmp, "app", "index.js"))("@galley/sdk") as Renderer;
    const cases = loadConformanceCases().flatMap((f) => f.cases);
    for (const [format, renderer] of [
      ["esm", esm],
      ["cjs", cjs],
    ] as const) {
      const failed = cases.filter((c) => !util.isDeepStrictEqual(outcomeOf(c, renderer), c.expect)).map((c) => c.name);
      expect({ format, failed }).toEqual({ format, failed: [] });
    }
  });

  it("renders every template conformance case as expected in Chromium, from its ESM bundle", async () => {
    const bundle = fs.readFileSync(
      path.join(tmp, "app", "node_modules", "@galley", "sdk", "dist", "index.mjs"),
      "utf8",
    );
    const cases = loadConformanceCases().flatMap((f) => f.cases);
    const browser = await launchChromium();
    let answers: Array<{ result?: ReturnType<Renderer["renderPrompt"]>; issues?: TemplateIssue[] }>;
    try {
      const page = await browser.newPage();
      // A string, so the test runner does not rewrite this import() for Node.
      await page.evaluate(
        `(async () => { window.sdk = await import(URL.createObjectURL(new Blob([${JSON.stringify(bundle)}], { type: "text/javascript" }))); })()`,
      );
      // JSON both ways, so text crosses the DevTools protocol as ASCII (lone surrogates included).
      const json = await page.evaluate((casesJson) => {
        const sdk = (window as unknown as { sdk: Renderer }).sdk;
        return JSON.stringify(
          (JSON.parse(casesJson) as ConformanceCase[]).map((c) => {
            const refs = c.references;
            try {
              const result = sdk.renderPrompt({
                content: {
                  template: c.content.template ?? null,
                  messages: c.content.messages ?? null,
                  contract: c.content.contract ?? { variables: [] },
                },
                values: c.values,
                strict: c.strict,
                resolveReference: refs
                  ? (prompt, version) => refs[version === null ? prompt : `${prompt}@${version}`] ?? null
                  : undefined,
                promptName: c.promptName,
                limits: c.limits,
              });
              return { result };
            } catch (error) {
              if (error instanceof sdk.TemplateError) return { issues: error.issues };
              return { thrown: String(error) };
            }
          }),
        );
      }, JSON.stringify(cases));
      answers = JSON.parse(json) as typeof answers;
    } finally {
      await browser.close();
    }
    // The page's answers, replayed through the same comparison as every other runner.
    class Recorded extends Error {
      constructor(readonly issues: TemplateIssue[]) {
        super("recorded");
      }
    }
    const failed = cases.filter((c, i) => {
      const replay: Renderer = {
        renderPrompt: () => {
          const answer = answers[i]!;
          if (answer.issues) throw new Recorded(answer.issues);
          if (!answer.result) throw new Error(JSON.stringify(answer));
          return answer.result;
        },
        TemplateError: Recorded,
      };
      return !util.isDeepStrictEqual(outcomeOf(c, replay), c.expect);
    });
    expect(failed.map((c) => c.name)).toEqual([]);
  });

  it("type-checks the Use this prompt example and a CommonJS consumer against openai under --strict", () => {
    const app = path.join(tmp, "app");
    const origin = "https://galley.acme.internal";
    fs.writeFileSync(
      path.join(app, "every-type.ts"),
      buildUsageExamples({ origin, name: "support/refund-reply", environment: "production", contract: everyType }).sdk,
    );
    fs.writeFileSync(
      path.join(app, "no-variables.ts"),
      buildUsageExamples({ origin, name: "support/greeting", environment: "staging", contract: { variables: [] } }).sdk,
    );
    // The API reference's SDK examples, for every operation the SDK covers.
    const document = openApiDocument(origin);
    const sdkExamples = listOperations({ document })
      .flatMap((g) => g.operations)
      .flatMap((operation) => {
        const { sdk } = buildOperationSnippets({ origin, operation, document });
        return sdk ? [[operation.id, sdk] as const] : [];
      });
    expect(sdkExamples.map(([id]) => id)).toEqual(["getPrompt", "renderPrompt"]);
    for (const [id, sdk] of sdkExamples) fs.writeFileSync(path.join(app, `reference-${id}.ts`), sdk);
    // Each @ts-expect-error must be needed: if a type were `any`, it would be unused (an error).
    fs.writeFileSync(
      path.join(app, "openai-types.ts"),
      `import type OpenAI from "openai";
import { createGalley, type ChatMessage } from "@galley/sdk";

const galley = createGalley({ baseUrl: "${origin}", apiKey: "gk_test" });
const prompt = await galley.getPrompt<{ name: string; history?: ChatMessage[] }>("support/refund-reply");
const params = prompt.toOpenAI({ name: "Ana", history: [{ role: "assistant", content: "Hello!" }] });
export const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = params.messages;
export const body: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming = { model: "gpt-4o-mini", ...params };
// @ts-expect-error a role is one of OpenAI's roles, not any string
export const role: "robot" = params.messages[0]!.role;
// @ts-expect-error the variables are typed by getPrompt<V>
prompt.toOpenAI({ name: 42 });
`,
    );
    fs.writeFileSync(
      path.join(app, "commonjs.cts"),
      `import type OpenAI from "openai";
import { createGalley } from "@galley/sdk";

const galley = createGalley({ baseUrl: "${origin}", apiKey: "gk_test" });
export async function messages(): Promise<OpenAI.Chat.Completions.ChatCompletionMessageParam[]> {
  return (await galley.getPrompt("support/greeting")).toOpenAI({}).messages;
}
`,
    );
    // skipLibCheck as most apps compile (it also keeps this check to seconds); the expectations
    // above fail if any declaration of ours does not resolve, since its types would become `any`.
    fs.writeFileSync(
      path.join(app, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "es2022",
          lib: ["es2022"],
          module: "nodenext",
          moduleResolution: "nodenext",
          types: ["node"],
          skipLibCheck: true,
        },
        include: ["*.ts", "*.cts"],
      }),
    );
    const tsc = node([path.join(root, "node_modules/typescript/bin/tsc"), "-p", app], app);
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
  });
});
