import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Deployments sit above environments and reviews: moving a pointer updates the reviews into that
// environment, and promoting a review moves a pointer. When that code lived in the two domains it
// made an import cycle (move-pointer wrote review state, promote-review called movePointer); this
// walks the real imports so the cycle cannot come back unnoticed.
const root = path.resolve(__dirname, "../..");
const lib = path.join(root, "lib");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(root, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  return [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")].find((file) => fs.existsSync(file)) ?? null;
}

/** Every lib module a file imports (type-only imports too: they tie the domains just the same). */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, "utf8");
  const specs = [...source.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
  return specs
    .map((spec) => resolveImport(file, spec))
    .filter((target): target is string => target !== null && target.startsWith(lib + path.sep));
}

const modulesOf = (domain: string) =>
  fs
    .readdirSync(path.join(lib, domain))
    .filter((name) => /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name))
    .map((name) => path.join(lib, domain, name));

/** The first import chain from a module of `from` to a module of one of `to`, or null when none leads there. */
function findChain(from: string, to: string[]): string[] | null {
  const targets = to.map((domain) => path.join(lib, domain) + path.sep);
  const cameFrom = new Map<string, string | null>(modulesOf(from).map((file) => [file, null]));
  const queue = [...cameFrom.keys()];
  while (queue.length) {
    const file = queue.shift()!;
    for (const target of importsOf(file)) {
      if (cameFrom.has(target)) continue;
      cameFrom.set(target, file);
      if (targets.some((prefix) => target.startsWith(prefix))) {
        const chain = [target];
        for (let step = cameFrom.get(target); step; step = cameFrom.get(step)) chain.unshift(step);
        return chain.map((file) => path.relative(root, file));
      }
      queue.push(target);
    }
  }
  return null;
}

describe("the deployments layer", () => {
  it("exists where the walk looks (a renamed folder must not make the checks below pass vacuously)", () => {
    for (const domain of ["environments", "reviews", "deployments"])
      expect(modulesOf(domain).length).toBeGreaterThan(0);
    expect(
      importsOf(path.join(lib, "deployments", "promote-review.ts")).map((file) => path.relative(root, file)),
    ).toContain("lib/reviews/get-review-or-throw.ts");
  });

  it("keeps environments free of reviews and deployments, even through other domains", () => {
    expect(findChain("environments", ["reviews", "deployments"])).toBeNull();
  });

  it("keeps reviews free of deployments, so promoting stays one-way: deployments → reviews", () => {
    expect(findChain("reviews", ["deployments"])).toBeNull();
  });
});
