// Configuration is read only through lib/env.ts: ESLint (eslint.config.mjs) refuses `process.env` in
// app/, components/, lib/ and server.ts, except in lib/env.ts itself and in tests.
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const eslint = new ESLint({ cwd: root });
const rule = "no-restricted-properties";

async function envFindings(code: string, filePath: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe("process.env outside lib/env.ts", () => {
  it("is refused in app, components, lib and server.ts", { timeout: 60_000 }, async () => {
    const read = "export const secret = process.env.NEXTAUTH_SECRET;\n";
    for (const file of ["lib/auth/read-secret.ts", "app/api/leak/route.ts", "components/ui/leak.tsx", "server.ts"]) {
      expect(await envFindings(read, file), file).toEqual([
        expect.stringContaining("Read configuration through lib/env.ts"),
      ]);
    }
  });

  it("is allowed in lib/env.ts, tests and scripts", { timeout: 60_000 }, async () => {
    const read = "export const debug = process.env.GALLEY_DEBUG;\n";
    for (const file of ["lib/env.ts", "lib/env.test.ts", "scripts/tool.ts"])
      expect(await envFindings(read, file), file).toEqual([]);
  });

  // These read process.env themselves before (server.ts also writes two variables for Next.js and
  // next-auth, marked as such); build-usage-examples.ts only prints it inside an example for users.
  it("finds nothing in the files that read it before", { timeout: 60_000 }, async () => {
    const results = await eslint.lintFiles([
      "lib/fail.ts",
      "lib/log.ts",
      "server.ts",
      "lib/serving/build-usage-examples.ts",
    ]);
    const findings = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId === rule).map((m) => `${path.relative(root, r.filePath)}:${m.line}`),
    );
    expect(findings).toEqual([]);
  });
});
