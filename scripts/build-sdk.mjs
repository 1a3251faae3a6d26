// npm run sdk:build [-- <dist folder>] – sdk/dist (or the folder given): ESM and CJS bundles (the SDK
// plus lib/templates, no runtime dependencies) and type declarations for each, .d.mts beside the
// ESM and .d.cts beside the CJS, so TypeScript reads each format as what it is; and the galley CLI
// (cli.mjs, the package's bin) with commander, yaml, zod and diff bundled in.
// `--cli` builds only the CLI, when its sources are newer than the bundle (npm run galley).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const cliOnly = process.argv[2] === "--cli";
const dist = (cliOnly ? undefined : process.argv[2]) ?? "sdk/dist";

async function buildCli() {
  const version = JSON.parse(fs.readFileSync("sdk/package.json", "utf8")).version;
  const result = await build({
    entryPoints: ["sdk/cli/bin.ts"],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node18",
    // The CLI reaches lib/ (prompt files, validations) whose imports use the @/ alias.
    tsconfig: "tsconfig.json",
    outfile: path.join(dist, "cli.mjs"),
    // commander is CommonJS and requires Node built-ins, which an ESM bundle must provide.
    banner: {
      js: '#!/usr/bin/env node\nimport { createRequire as __galleyRequire } from "node:module";\nconst require = __galleyRequire(import.meta.url);',
    },
    define: { GALLEY_CLI_VERSION: JSON.stringify(version) },
    // Half the size: zod alone is most of the bundle.
    minify: true,
    metafile: true,
    logLevel: "warning",
  });
  fs.chmodSync(path.join(dist, "cli.mjs"), 0o755);
  return result.metafile;
}

/** The newest modification time under the CLI's sources (sdk/cli and the lib folders it bundles). */
function newestSource(metafile) {
  return Math.max(
    ...Object.keys(metafile.inputs)
      .filter((file) => !file.startsWith("node_modules/"))
      .map((file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : Infinity)),
  );
}

if (cliOnly) {
  const bundle = path.join(dist, "cli.mjs");
  // What the last build read, kept out of the package.
  const meta = "node_modules/.cache/galley-cli/meta.json";
  const fresh =
    fs.existsSync(bundle) &&
    fs.existsSync(meta) &&
    newestSource(JSON.parse(fs.readFileSync(meta, "utf8"))) < fs.statSync(bundle).mtimeMs;
  if (!fresh) {
    const metafile = await buildCli();
    fs.mkdirSync(path.dirname(meta), { recursive: true });
    fs.writeFileSync(meta, JSON.stringify({ inputs: metafile.inputs }));
  }
  process.exit(0);
}

fs.rmSync(dist, { recursive: true, force: true });
for (const [format, file] of [
  ["esm", "index.mjs"],
  ["cjs", "index.cjs"],
]) {
  await build({
    entryPoints: ["sdk/src/index.ts"],
    bundle: true,
    format,
    platform: "neutral",
    target: "es2020",
    outfile: path.join(dist, file),
    sourcemap: true,
    logLevel: "warning",
  });
}
const types = path.join(dist, "types");
const tsc = spawnSync(
  process.execPath,
  ["node_modules/typescript/bin/tsc", "-p", "sdk/tsconfig.json", "--outDir", types],
  { stdio: "inherit" },
);
if (tsc.status !== 0) process.exit(tsc.status ?? 1);
// tsc writes .d.ts with extensionless relative imports. A .d.ts in this "type": "module" package
// would tell a CommonJS consumer the package is ESM-only (TS1479), so each file becomes a .d.mts
// and a .d.cts whose relative imports name the matching extension.
const split = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) split(file);
    else if (file.endsWith(".d.ts")) {
      const text = fs.readFileSync(file, "utf8");
      for (const ext of ["mjs", "cjs"]) {
        const withExtensions = text.replace(
          /((?:from\s+|import\()["'])(\.{1,2}\/[^"']+?)(?:\.js)?(["'])/g,
          (m, a, spec, b) => `${a}${spec}.${ext}${b}`,
        );
        fs.writeFileSync(file.replace(/\.d\.ts$/, `.d.${ext.slice(0, 1)}ts`), withExtensions);
      }
      fs.rmSync(file);
    }
  }
};
split(types);
await buildCli();
console.log(`${dist}: index.mjs + types/sdk/src/index.d.mts, index.cjs + types/sdk/src/index.d.cts, cli.mjs`);
