// npm run check:first-load – after `npm run build`, fails when a list or settings page ships more
// than its first-load JavaScript budget (issue 12: 160 KB gzip), and names the heaviest chunks of
// each page over it. Reads Next's build diagnostics; each chunk is gzip-compressed at level 9, as
// bench/editor.ts does.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BUDGET_KB = Number(process.env.FIRST_LOAD_BUDGET_KB ?? 160);
const ROUTES = [
  "/inbox",
  "/account",
  "/p/[project]",
  "/p/[project]/prompts",
  "/p/[project]/reviews",
  "/p/[project]/evals",
  "/p/[project]/datasets",
  "/p/[project]/evaluators",
  "/p/[project]/environments",
  "/p/[project]/settings",
  "/p/[project]/settings/api-keys",
  "/p/[project]/settings/audit",
  "/p/[project]/settings/environments",
  "/p/[project]/settings/members",
  "/p/[project]/settings/providers",
  "/p/[project]/settings/webhooks",
];

const file = path.join(".next", "diagnostics", "route-bundle-stats.json");
if (!fs.existsSync(file)) {
  console.error(`${file} not found: run npm run build first.`);
  process.exit(1);
}
/** @type {Array<{ route: string; firstLoadChunkPaths: string[] }>} */
const stats = JSON.parse(fs.readFileSync(file, "utf8"));
const gzip = new Map();
const size = (chunk) => {
  if (!gzip.has(chunk)) gzip.set(chunk, zlib.gzipSync(fs.readFileSync(chunk), { level: 9 }).length);
  return gzip.get(chunk);
};

let over = 0;
for (const route of ROUTES) {
  const entry = stats.find((s) => s.route === route);
  if (!entry) {
    console.error(`  ${route}: not in this build (renamed? update scripts/check-first-load.mjs)`);
    over++;
    continue;
  }
  const kb = entry.firstLoadChunkPaths.reduce((sum, c) => sum + size(c), 0) / 1024;
  const ok = kb <= BUDGET_KB;
  console.log(`  ${ok ? "ok  " : "OVER"} ${route.padEnd(36)} ${kb.toFixed(1)} KB`);
  if (ok) continue;
  over++;
  const heaviest = [...entry.firstLoadChunkPaths].sort((a, b) => size(b) - size(a)).slice(0, 5);
  for (const chunk of heaviest) console.log(`         ${(size(chunk) / 1024).toFixed(1).padStart(6)} KB ${chunk}`);
}
if (over) {
  console.error(`${over} page(s) over the ${BUDGET_KB} KB gzip first-load budget (or missing).`);
  process.exit(1);
}
console.log(`All ${ROUTES.length} list and settings pages within ${BUDGET_KB} KB gzip first-load JavaScript.`);
