import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { baseURL } from "../playwright.config";
import { expect, PROJECT, test } from "./fixtures";

// The Python SDK (sdk/python) against this real server: pytest runs sdk/python/tests, whose
// server tests seed their own prompts through the HTTP API with the keys made here. Debian's
// python3 with python3-pytest and python3-pip (.ci/run installs them).
const PYTHON = "/usr/bin/python3";

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(PYTHON, args, { env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", ...env } });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

test("the Python SDK installs offline and passes its tests against the real server", async ({ page }) => {
  const api = `/api/projects/${PROJECT}`;
  const keyWith = async (name: string, scopes: string[]) => {
    const response = await page.request.post(`${api}/api-keys`, { data: { name, scopes } });
    expect(response.status()).toBe(200);
    return (await response.json()).secret as string;
  };
  const readWrite = await keyWith("python sdk tests", ["prompts:read", "prompts:write"]);
  const writeOnly = await keyWith("python sdk tests (no read)", ["prompts:write"]);

  // `pip install` without an index: the build backend is the setuptools Python already has. From a
  // copy, since setuptools writes build/ and *.egg-info beside the sources.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "galley-python-"));
  try {
    fs.cpSync("sdk/python", path.join(tmp, "src"), {
      recursive: true,
      filter: (source) => !/(__pycache__|\.pytest_cache|build|\.egg-info)$/.test(source),
    });
    const pip = await run([
      "-m",
      "pip",
      "install",
      "--isolated",
      "--no-index",
      "--no-build-isolation",
      "--disable-pip-version-check",
      "--root-user-action=ignore",
      "--quiet",
      "--target",
      path.join(tmp, "site"),
      path.join(tmp, "src"),
    ]);
    expect(pip.code, pip.output).toBe(0);
    const installed = await run(
      [
        "-c",
        "import galley, pathlib; p = galley.Prompt('a', 'text', 1, None, 'Hi {{x}}', None, {'variables': []}, {}); " +
          "print(galley.__file__, (pathlib.Path(galley.__file__).parent / 'py.typed').is_file(), p.render({'x': 'Bo'}))",
      ],
      { PYTHONPATH: path.join(tmp, "site") },
    );
    expect(installed.output.trim()).toBe(`${path.join(tmp, "site", "galley", "__init__.py")} True Hi Bo`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  const pytest = await run(["-m", "pytest", "sdk/python/tests", "-q", "-rs", "--color=no", "-p", "no:cacheprovider"], {
    GALLEY_URL: baseURL,
    GALLEY_API_KEY: readWrite,
    GALLEY_WRITE_ONLY_KEY: writeOnly,
  });
  expect(pytest.code, pytest.output).toBe(0);
  // Every test ran: nothing skipped, nothing deselected.
  expect(pytest.output).toMatch(/^\d+ passed in [\d.]+s/m);
});
