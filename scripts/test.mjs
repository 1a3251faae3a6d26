// npm test – every check CI runs, in stages. The lanes of a stage run side by side, each a list of
// npm scripts run one after another; a stage starts when the one before has passed. What shares a
// stage, and why, is measured (see the comment at the top of .ci/run): ESLint, Prettier,
// dependency-cruiser and tsc each keep one core busy, so on two cores lint beside typecheck and the
// contract checks takes the time of the longer lane rather than the sum.
//
// Each lane's output is streamed with its name in front of every line. When a script fails, the
// other lanes are stopped and npm test fails; at the end (pass or fail) a table gives each
// script's time and the machine's load, so every CI log says where the time went.
import { spawn } from "node:child_process";
import os from "node:os";

/** @type {Array<{ name: string, lanes: string[][] }>} */
const stages = [
  // Single-threaded tools (ESLint, Prettier, dependency-cruiser; tsc, the SDK's pack checks) side
  // by side; the unit tests fill what the lint lane leaves of the second core.
  { name: "checks", lanes: [["lint"], ["typecheck", "test:contracts", "test:unit"]] },
  // The integration tests beside the production build and the e2e specs, which mostly wait on the
  // browser and the server (test:e2e's steps one by one, so the table shows each); live editing's
  // integration files (test:collab) end that lane, which is shorter than the integration one.
  // GALLEY_BUILD_TYPES_CHECKED: `npm run typecheck` has checked what next build would.
  {
    name: "integration and e2e",
    lanes: [["test:integration"], ["build", "check:first-load", "sdk:build", "node scripts/e2e.mjs", "test:collab"]],
  },
];

const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const env = { ...process.env, GALLEY_BUILD_TYPES_CHECKED: "1" };
/** @type {Array<{ script: string, seconds: number, status: string }>} */
const times = [];
/** @type {Set<import("node:child_process").ChildProcess>} */
const running = new Set();
let failed = false;

const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");

/** Streams `stream` to `out`, each line prefixed (a partial line waits for its end). */
function prefixLines(stream, out, prefix) {
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    const lines = (rest + chunk).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) out.write(`${prefix}${line}\n`);
  });
  stream.on("end", () => rest && out.write(`${prefix}${rest}\n`));
}

/** Runs one npm script (or a `node …` command); resolves with whether it passed. */
function run(script, prefix) {
  const started = Date.now();
  const [command, args] = script.startsWith("node ")
    ? [process.execPath, script.split(" ").slice(1)]
    : [npm, ["run", script]];
  return new Promise((resolve) => {
    // A process group of its own, so stopping a lane stops everything it started.
    const child = spawn(command, args, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    prefixLines(child.stdout, process.stdout, prefix);
    prefixLines(child.stderr, process.stderr, prefix);
    child.on("close", (code, signal) => {
      running.delete(child);
      const passed = code === 0;
      const status = passed ? "passed" : failed && signal ? "stopped" : "FAILED";
      times.push({ script, seconds: (Date.now() - started) / 1000, status });
      resolve(passed);
    });
  });
}

function stopOthers() {
  for (const child of running) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

/** What a line's prefix and the table call a script: its npm name, or the file a `node …` command runs. */
const label = (script) => script.replace(/^node scripts\//, "");

/** Runs a lane's scripts in order; `width` pads the names in front of each line when lanes share a stage. */
async function runLane(lane, width) {
  for (const script of lane) {
    if (failed) return;
    const prefix = width ? `[${label(script).padEnd(width)}] ` : "";
    if (!(await run(script, prefix))) {
      failed = true;
      stopOthers();
    }
  }
}

process.on("SIGINT", () => {
  failed = true;
  stopOthers();
});

const started = Date.now();
const loadBefore = load();
for (const stage of stages) {
  if (failed) break;
  const width = stage.lanes.length > 1 ? Math.max(...stage.lanes.flat().map((s) => label(s).length)) : 0;
  await Promise.all(stage.lanes.map((lane) => runLane(lane, width)));
}

const total = (Date.now() - started) / 1000;
const lines = times.map((t) => `  ${label(t.script).padEnd(18)} ${t.seconds.toFixed(0).padStart(5)} s  ${t.status}`);
console.log(
  [
    `== npm test ${failed ? "FAILED" : "passed"} in ${total.toFixed(0)} s`,
    ...lines,
    `  load average before: ${loadBefore}; after: ${load()} (${os.cpus().length} CPUs)`,
  ].join("\n"),
);
process.exit(failed ? 1 : 0);
