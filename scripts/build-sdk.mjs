// npm run sdk:build [-- <dist folder>] – sdk/dist (or the folder given): ESM and CJS bundles (the SDK
// plus lib/templates, no runtime dependencies) and type declarations for each, .d.mts beside the
// ESM and .d.cts beside the CJS, so TypeScript reads each format as what it is.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const dist = process.argv[2] ?? "sdk/dist";
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
console.log(`${dist}: index.mjs + types/sdk/src/index.d.mts, index.cjs + types/sdk/src/index.d.cts`);
