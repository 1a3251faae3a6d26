// npm run sdk:build – sdk/dist: ESM and CJS bundles (the SDK plus lib/templates, no runtime
// dependencies) and type declarations.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { build } from "esbuild";

fs.rmSync("sdk/dist", { recursive: true, force: true });
for (const [format, file] of [["esm", "sdk/dist/index.mjs"], ["cjs", "sdk/dist/index.cjs"]]) {
  await build({ entryPoints: ["sdk/src/index.ts"], bundle: true, format, platform: "neutral", target: "es2020", outfile: file, sourcemap: true, logLevel: "warning" });
}
const types = spawnSync("node_modules/.bin/tsc", ["-p", "sdk/tsconfig.json"], { stdio: "inherit" });
if (types.status !== 0) process.exit(types.status ?? 1);
// Consumers on "moduleResolution": "node16"/"nodenext" need extensions on relative imports.
const addExtensions = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = `${dir}/${entry.name}`;
    if (entry.isDirectory()) addExtensions(file);
    else if (file.endsWith(".d.ts")) fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace(/(from\s+["'])(\.{1,2}\/[^"']+?)(["'])/g, (m, a, spec, b) => (/\.[cm]?js$/.test(spec) ? m : `${a}${spec}.js${b}`)));
  }
};
addExtensions("sdk/dist/types");
console.log("sdk/dist: index.mjs, index.cjs, types/sdk/src/index.d.ts");
