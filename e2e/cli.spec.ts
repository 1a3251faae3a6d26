import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { baseURL } from "../playwright.config";
import { addFakeProvider, expect, PROJECT, test } from "./fixtures";

// The built galley CLI (npm run sdk:build, part of test:e2e) as a user runs it: a child process
// configured by GALLEY_URL and GALLEY_API_KEY, against this server.
const CLI = path.resolve("sdk/dist/cli.mjs");

type Run = { code: number | null; stdout: string; stderr: string };

function galley(args: string[], opts: { key: string; cwd: string }): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: opts.cwd,
      env: { ...process.env, GALLEY_URL: baseURL, GALLEY_API_KEY: opts.key, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

test("pull, edit, diff, push one version, see it in the studio; an invalid file stops the push; render and eval", async ({
  page,
}) => {
  test.slow();
  const api = `/api/projects/${PROJECT}`;
  const id = crypto.randomBytes(3).toString("hex");
  const folder = `cli-${id}`;
  const provider = `Fake for the CLI ${id}`;
  const env = (await (await page.request.post(`${api}/environments`, { data: { name: `cli-${id}` } })).json()) as {
    slug: string;
  };
  await addFakeProvider(page.request, provider);
  const key = (
    await (
      await page.request.post(`${api}/api-keys`, {
        data: { name: `cli ${id}`, scopes: ["prompts:read", "prompts:write"] },
      })
    ).json()
  ).secret as string;
  const auth = { authorization: `Bearer ${key}` };
  const seed = async (name: string, body: Record<string, unknown>) =>
    expect(
      (
        await page.request.post(`/api/prompts/${name}/versions`, {
          headers: auth,
          data: { message: "First", deploy: [env.slug], ...body },
        })
      ).status(),
    ).toBe(200);
  const modelConfig = { provider, model: "fake-echo", temperature: 0.2 };
  await seed(`${folder}/greeting`, {
    type: "text",
    description: "Greets a customer",
    tags: ["cli"],
    content: { template: "Hello {{name}}.\nHow can I help?", contract: { variables: [] }, modelConfig },
  });
  await seed(`${folder}/support`, {
    type: "chat",
    content: {
      messages: [
        { role: "system", content: "You help {{customer}}." },
        { role: "placeholder", name: "history" },
      ],
      contract: { variables: [] },
      modelConfig,
    },
  });
  const latest = async () =>
    Object.fromEntries(
      (
        (await (await page.request.get(`/api/prompts?folder=${folder}/`, { headers: auth })).json()) as {
          prompts: Array<{ name: string; latestVersion: number }>;
        }
      ).prompts.map((p) => [p.name, p.latestVersion]),
    );

  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), "galley-cli-"));
  try {
    // Pull writes one file per prompt the environment runs; diff then finds nothing.
    const pulled = await galley(["pull", "prompts", "--environment", env.slug], { key, cwd });
    expect(pulled.stderr).toBe("");
    expect(pulled.code).toBe(0);
    const file = path.join(cwd, "prompts", folder, "greeting.prompt.yaml");
    const text = fs.readFileSync(file, "utf8");
    expect(text).toContain("template: |-\n  Hello {{name}}.\n  How can I help?\n");
    expect(text).toContain("description: Greets a customer");
    expect(fs.existsSync(path.join(cwd, "prompts", folder, "support.prompt.yaml"))).toBe(true);
    expect((await galley(["diff", "prompts", "-e", env.slug], { key, cwd })).code).toBe(0);

    // An edit shows as a unified diff with its breaking contract change, and exits 1.
    fs.writeFileSync(file, text.replace("Hello {{name}}.", "Hi {{name}}, {{tone}}."));
    const diff = await galley(["diff", "prompts", "-e", env.slug], { key, cwd });
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain(`-  Hello {{name}}.\n+  Hi {{name}}, {{tone}}.`);
    expect(diff.stdout).toContain("breaking: `tone` is new and required");
    expect(diff.stdout).toContain("1 changed, 0 new");

    // Push saves exactly one version (the unchanged chat prompt gets none); a second push, none.
    const pushed = await galley(["push", "prompts", "-m", "Warmer greeting"], { key, cwd });
    expect(pushed.code).toBe(0);
    expect(pushed.stdout).toContain("1 version(s) saved, 1 prompt(s) unchanged.");
    expect(await latest()).toEqual({ [`${folder}/greeting`]: 2, [`${folder}/support`]: 1 });
    expect((await galley(["push", "prompts"], { key, cwd })).stdout).toContain("0 version(s) saved");
    expect(await latest()).toEqual({ [`${folder}/greeting`]: 2, [`${folder}/support`]: 1 });
    await page.goto(`/p/${PROJECT}/prompts/${folder}/greeting?view=history`);
    await expect(page.getByTestId("version-history")).toContainText("Warmer greeting");

    // One invalid file: every problem with file:line:column, and nothing written, not even the valid new file.
    fs.writeFileSync(
      path.join(cwd, "prompts", folder, "broken.prompt.yaml"),
      "type: text\ntemplate: Dear {{name\ntemprature: 1\n",
    );
    fs.writeFileSync(path.join(cwd, "prompts", folder, "fresh.prompt.yaml"), "type: text\ntemplate: New {{x}}\n");
    const refused = await galley(["push", "prompts"], { key, cwd });
    expect(refused.code).toBe(2);
    const broken = path.join("prompts", folder, "broken.prompt.yaml");
    expect(refused.stderr).toContain(`${broken}:2:16 template: Unclosed tag`);
    expect(refused.stderr).toContain(`${broken}:3:1 Unknown key "temprature".`);
    expect(await latest()).toEqual({ [`${folder}/greeting`]: 2, [`${folder}/support`]: 1 });
    fs.rmSync(path.join(cwd, "prompts", folder, "broken.prompt.yaml"));
    fs.rmSync(path.join(cwd, "prompts", folder, "fresh.prompt.yaml"));

    // Render prints the text, values typed by the contract.
    const rendered = await galley(
      ["render", `${folder}/greeting`, "--version", "2", "--var", "name=Ana", "--var", "tone=warmly"],
      { key, cwd },
    );
    expect([rendered.code, rendered.stdout]).toEqual([0, "Hi Ana, warmly.\nHow can I help?\n"]);

    // Eval over a dataset with the fake model (it echoes the prompt): v2 passes, a local file that drops the name fails.
    const dataset = (await (await page.request.post(`${api}/datasets`, { data: { name: `cli ${id}` } })).json()) as {
      id: string;
    };
    expect(
      (
        await page.request.post(`${api}/datasets/${dataset.id}/rows`, {
          data: {
            rows: [
              { values: { name: "Ana", tone: "warmly" }, expected: "Ana" },
              { values: { name: "Bo", tone: "kindly" }, expected: "Bo" },
            ],
          },
        })
      ).status(),
    ).toBe(200);
    const evaluator = (await (
      await page.request.post(`${api}/evaluators`, {
        data: { name: `mentions the name ${id}`, kind: "contains", config: {} },
      })
    ).json()) as { id: string };
    const evalArgs = ["--dataset", `cli ${id}`, "--evaluator", `mentions the name ${id}`, "--baseline", env.slug];
    const passed = await galley(["eval", `${folder}/greeting`, "--version", "2", ...evalArgs], { key, cwd });
    expect(passed.stdout).toContain("candidate v2: pass rate 100%");
    expect(passed.stdout).toContain("Verdict: pass");
    expect(passed.code).toBe(0);
    // As the environment's gate would judge a local edit: it fails every row the deployed version passes.
    expect(
      (
        await page.request.put(`${api}/environments/${env.slug}/gate`, {
          data: { datasetId: dataset.id, evaluatorIds: [evaluator.id], minPassRate: 0.5, maxRegression: 0.1 },
        })
      ).status(),
    ).toBe(200);
    fs.writeFileSync(file, text.replace("Hello {{name}}.", "Hello there."));
    const failed = await galley(["eval", `${folder}/greeting`, "--file", file, "--gate", env.slug], { key, cwd });
    expect(failed.stdout).toContain("candidate Draft: pass rate 0%");
    expect(failed.stdout).toContain("delta     -100 points");
    expect(failed.stdout).toContain("regressions 2 row(s)");
    expect(failed.stdout).toContain("Pass rate 0% is below the minimum 50%.");
    expect(failed.stdout).toContain("Verdict: fail");
    expect(failed.code).toBe(1);
  } finally {
    fs.rmSync(cwd, { recursive: true, force: true });
    // Other specs list the project's environments: leave them as they were.
    await page.request.delete(`${api}/environments/${env.slug}?confirm=true`);
  }
});
