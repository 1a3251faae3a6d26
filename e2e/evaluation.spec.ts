import type { Page } from "@playwright/test";

import { addFakeProvider, editorAndReviewer, expect, PROJECT, test } from "./fixtures";

// The fake server's fake-echo model answers "Echo: <the rendered template>". The dataset's first
// three rows expect "Capital: <city>", the last three only the city, so "Capital: {{city}}" passes
// every row and "Capital of {{city}}" fails the first three: a regression on exactly those rows.
const PROMPT = "evals/capitals";
const DATASET = "Capitals";
const EVALUATOR = "mentions the capital";
const PROVIDER = "Fake for evals";
const passing = { before: "Capital: ", after: "" };
const failing = { before: "Capital of ", after: "" };
const fixed = { before: "Capital: ", after: "!" };

/** Replaces the TEXT prompt's template in Monaco with `before{{city}}after`, typed as an author would. */
async function rewriteTemplate(page: Page, text: { before: string; after: string }) {
  const lines = page.getByTestId("template-editor").locator(".view-lines");
  await expect(lines).toBeVisible();
  await lines.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(`${text.before}{{city}}${text.after}`);
  // Close the word suggestions Monaco may still show, so nothing accepts one by accident.
  await page.keyboard.press("Escape");
  await expect(lines).toHaveText(`${text.before}{{city}}${text.after}`);
  await expect(page.getByTestId("variable-city")).toBeVisible();
  await expect(page.getByTestId("save-status")).toContainText("All changes saved");
}

/** Saves the working copy as the next version with the shortcut, as an author would. */
async function saveVersion(page: Page, n: number, message: string) {
  await page.keyboard.press("ControlOrMeta+s");
  await page.getByLabel("What changed?").fill(message);
  await page.keyboard.press("Enter");
  await expect(page.getByText(`Saved version ${n}.`)).toBeVisible();
}

test("import a CSV, evaluate a new version against production, see its regressions; the gate blocks it, passes the fix, and an admin overrides it with a reason", async ({
  page,
  browser,
  outsideRequests,
}) => {
  test.slow();
  const api = `/api/projects/${PROJECT}`;
  // The gate binds every prompt promoted to production, other specs' too: it never outlives this test.
  try {
    await addFakeProvider(page.request, PROVIDER);
    const { editor, reviewer, asEditor, asReviewer } = await editorAndReviewer({
      browser,
      ownerRequest: page.request,
      outside: outsideRequests,
    });
    const reviewerId = reviewer.userId;

    // Production already runs v1, which passes every row (reviewed and promoted over the API).
    const prompt = (await (
      await editor.context.request.post(`${api}/prompts`, { data: { name: PROMPT, type: "TEXT" } })
    ).json()) as { id: string };
    const content = (text: { before: string; after: string }) => ({
      template: `${text.before}{{city}}${text.after}`,
      contract: { variables: [{ name: "city", type: "string", required: true }] },
      modelConfig: { provider: PROVIDER, model: "fake-echo" },
    });
    const saveOverApi = async (n: number, text: { before: string; after: string }) =>
      expect(
        (
          await editor.context.request.post(`${api}/prompts/${prompt.id}/versions`, {
            data: { baseVersion: n - 1, message: `v${n}`, content: content(text) },
          })
        ).status(),
      ).toBe(200);
    /** A review of `version` into production, approved by the reviewer, all over the API. */
    const approvedReview = async (version: number) => {
      const review = (await (
        await editor.context.request.post(`${api}/reviews`, {
          data: { promptId: prompt.id, version, environment: "production", reviewerIds: [reviewerId] },
        })
      ).json()) as { number: number };
      expect(
        (
          await reviewer.context.request.post(`${api}/reviews/${review.number}/decisions`, {
            data: { decision: "approve" },
          })
        ).status(),
      ).toBe(200);
      return review.number;
    };
    await saveOverApi(1, passing);
    const first = await approvedReview(1);
    expect((await editor.context.request.post(`${api}/reviews/${first}/promote`, { data: {} })).status()).toBe(200);

    // 1. The editor imports the CSV as a new dataset and sees its rows.
    await asEditor.goto(`/p/${PROJECT}/prompts`);
    await asEditor.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Datasets" }).click();
    await asEditor.getByRole("button", { name: "Import a CSV" }).first().click();
    await asEditor.getByRole("dialog", { name: "Import a file as a new dataset" }).getByLabel("Name").fill(DATASET);
    await asEditor.getByRole("button", { name: "Create and import" }).click();
    const wizard = asEditor.getByRole("dialog", { name: "Import rows from a file" });
    await wizard.getByLabel("File", { exact: true }).setInputFiles("e2e/fixtures/capitals.csv");
    await expect(wizard.getByText("capitals.csv: read as CSV")).toBeVisible();
    await wizard.getByRole("button", { name: "Preview" }).click();
    await expect(wizard.getByText("6 rows, 2 columns in capitals.csv.")).toBeVisible();
    await expect(wizard.getByText("No problems found.")).toBeVisible();
    await expect(wizard.getByLabel("city goes to")).toHaveValue("variable");
    await expect(wizard.getByLabel("expected goes to")).toHaveValue("expected");
    await wizard.getByLabel("Type values by a prompt's variables").selectOption({ label: PROMPT });
    await wizard.getByLabel("Version message").fill("Six capitals");
    await wizard.getByRole("button", { name: "Import 6 rows" }).click();
    await expect(asEditor.getByText("Imported 6 rows as version 1")).toBeVisible();
    await expect(asEditor.getByLabel("Row 1, city")).toHaveValue("Paris");
    await expect(asEditor.getByLabel("Row 1, expected")).toHaveValue("Capital: Paris");
    await expect(asEditor.getByLabel("Row 6, city")).toHaveValue("Kyiv");
    await expect(asEditor.getByLabel("Row 6, expected")).toHaveValue("Kyiv");

    // 2. An evaluator: the answer contains the row's expected output.
    await asEditor.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Evaluators" }).click();
    await asEditor.getByRole("button", { name: "New evaluator" }).first().click();
    const form = asEditor.getByRole("form", { name: "New evaluator" });
    await form.getByLabel("Name", { exact: true }).fill(EVALUATOR);
    await form.getByLabel("Kind").selectOption("contains");
    await form.getByRole("button", { name: "Create evaluator" }).click();
    await expect(asEditor.getByText(`Evaluator ${EVALUATOR} created`)).toBeVisible();
    await expect(asEditor.getByRole("table", { name: "Evaluators" })).toContainText(EVALUATOR);

    // 3. The editor saves v2, which drops the "Capital:" the first three rows expect.
    await asEditor.goto(`/p/${PROJECT}/prompts/${PROMPT}`);
    await rewriteTemplate(asEditor, failing);
    await saveVersion(asEditor, 2, "Shorter label");

    // 4. Evaluations → New evaluation of v2 against production: progress, then the matrix and its regressions.
    await asEditor.getByRole("navigation", { name: "Studio" }).getByRole("link", { name: "Evaluations" }).click();
    await asEditor.getByRole("button", { name: "New evaluation" }).click();
    const dialog = asEditor.getByRole("dialog", { name: "New evaluation" });
    await dialog.getByLabel("Prompt").selectOption({ label: PROMPT });
    await expect(dialog.getByLabel("Candidate")).toHaveValue("2");
    await expect(dialog.getByLabel("Baseline")).toHaveValue("production");
    await dialog.getByLabel("Dataset", { exact: true }).selectOption({ label: DATASET });
    // Without an evaluator the form says so beside the list, and keeps every other choice.
    await dialog.getByRole("button", { name: "Start evaluation" }).click();
    await expect(dialog.getByRole("alert").filter({ hasText: "Choose at least one evaluator." })).toBeVisible();
    await expect(dialog.getByLabel("Prompt")).toHaveValue(prompt.id);
    await expect(dialog.getByLabel("Candidate")).toHaveValue("2");
    await dialog.getByRole("checkbox", { name: new RegExp(EVALUATOR) }).check();
    await dialog.getByRole("button", { name: "Start evaluation" }).click();
    await expect(asEditor).toHaveURL(new RegExp(`/p/${PROJECT}/evals/\\d+$`));
    await expect(asEditor.getByRole("progressbar", { name: "Progress" })).toBeVisible();
    await expect(asEditor.getByTestId("eval-run-status")).toHaveText("Finished");
    await expect(asEditor.getByTestId("eval-progress")).toHaveText("12 done · 0 failed · 0 remaining");
    // The charts' code (recharts) loads after the first paint; both still draw their bars.
    for (const chart of ["chart-pass-rates", "chart-latency"])
      await expect(asEditor.getByTestId(chart).locator(".recharts-bar-rectangle").first()).toBeAttached();
    const matrix = asEditor.getByTestId("results-matrix");
    await expect(matrix.locator("tbody tr")).toHaveCount(6);
    await asEditor.getByRole("group", { name: "Show" }).getByRole("button", { name: "Regressions only" }).click();
    await expect(matrix.locator("tbody tr")).toHaveCount(3);
    for (const city of ["Paris", "Rome", "Oslo"]) await expect(matrix).toContainText(`Echo: Capital of ${city}`);
    await expect(matrix).not.toContainText("Lima");
    await matrix.locator("tbody tr").first().getByRole("button").first().click();
    await expect(asEditor.getByTestId("result-cell")).toContainText("Capital: Paris");
    await asEditor.keyboard.press("Escape");

    // 5. An admin gives Production an evaluation gate over that dataset and evaluator.
    await page.goto(`/p/${PROJECT}/settings/environments`);
    const production = page.getByTestId("environment-production");
    await production.getByRole("button", { name: "Add a gate" }).click();
    const gateForm = production.getByRole("form", { name: "Evaluation gate for Production" });
    await gateForm.getByLabel("Dataset").selectOption({ label: `${DATASET} (v1)` });
    // Each mistake is named at its field; what was typed stays.
    await gateForm.getByLabel("Minimum pass rate (%)").fill("150");
    await gateForm.getByRole("button", { name: "Save gate" }).click();
    await expect(gateForm.getByText("Give a minimum pass rate from 0 to 100%.")).toBeVisible();
    await gateForm.getByLabel("Minimum pass rate (%)").fill("100");
    await gateForm.getByRole("button", { name: "Save gate" }).click();
    await expect(gateForm.getByRole("alert").filter({ hasText: "Choose at least one evaluator." })).toBeVisible();
    await expect(gateForm.getByLabel("Minimum pass rate (%)")).toHaveValue("100");
    await gateForm.getByRole("checkbox", { name: new RegExp(EVALUATOR) }).check();
    await gateForm.getByRole("button", { name: "Save gate" }).click();
    await expect(production.getByTestId("gate-production-summary")).toContainText(
      `A version needs a passing run over ${DATASET} (its latest version, v1) scored by ${EVALUATOR}: at least 100% of rows pass`,
    );

    // 6. The editor asks for a review of v2; the reviewer approves; the evaluation fails the gate.
    await asEditor.goto(`/p/${PROJECT}/prompts/${PROMPT}?view=version&v=2`);
    await asEditor.getByRole("link", { name: "Request review" }).click();
    await expect(asEditor.getByLabel("Promote to")).toHaveValue("production");
    await asEditor.getByRole("checkbox", { name: new RegExp(reviewer.email) }).check();
    await asEditor.getByRole("button", { name: "Request review" }).click();
    await expect(asEditor.getByRole("heading", { name: new RegExp(`${PROMPT} to Production`) })).toBeVisible();
    const reviewUrl = new URL(asEditor.url()).pathname;
    await asReviewer.goto(reviewUrl);
    await asReviewer.getByRole("button", { name: "Approve v2" }).click();
    await expect(asReviewer.getByTestId("approval-summary")).toContainText("1 of 1 approval");

    const runEvaluation = async (version: number) => {
      await asEditor.goto(reviewUrl);
      await asEditor.getByRole("button", { name: "Run evaluation" }).click();
      const started = asEditor.getByText(/^Evaluation #\d+ started\.$/);
      await expect(started).toBeVisible();
      const number = Number(/#(\d+)/.exec((await started.textContent()) ?? "")![1]);
      // The panel polls while the run goes and refreshes the page when it ends: no reload here.
      await expect(asEditor.locator("#gate-reason")).toContainText(`v${version} passed`);
      await expect(asEditor.locator("#gate-reason")).toContainText(`(run #${number})`);
      return number;
    };
    const failedRun = await runEvaluation(2);
    await expect(asEditor.getByTestId("gate-state")).toHaveText("Failed");
    await expect(asEditor.getByTestId("gate-numbers")).toContainText("v2: 3 of 6 rows passed (50%)");
    const promoteV2 = asEditor.getByRole("button", { name: "Promote v2 to Production" });
    await expect(promoteV2).toBeDisabled();
    await expect(promoteV2).toHaveAccessibleDescription(
      new RegExp(`v2 passed 3 of 6 rows \\(50%\\), below the required 100% \\(run #${failedRun}\\)`),
    );
    // Editors cannot go past the gate.
    await expect(asEditor.getByRole("button", { name: "Promote anyway" })).toHaveCount(0);

    // 7. The editor fixes the version, updates the review; approved and evaluated again, it passes and is promoted.
    await asEditor.goto(`/p/${PROJECT}/prompts/${PROMPT}`);
    await rewriteTemplate(asEditor, fixed);
    await saveVersion(asEditor, 3, "Capital: again");
    await asEditor.goto(reviewUrl);
    await asEditor.getByRole("button", { name: "Update review to v3" }).click();
    await expect(asEditor.getByTestId("review-status")).toHaveText("Open");
    await asReviewer.reload();
    await asReviewer.getByRole("button", { name: "Approve v3" }).click();
    await expect(asReviewer.getByTestId("approval-summary")).toContainText("1 of 1 approval");
    await runEvaluation(3);
    await expect(asEditor.getByTestId("gate-state")).toHaveText("Passed");
    await expect(asEditor.getByTestId("gate-numbers")).toContainText("v3: 6 of 6 rows passed (100%)");
    await asEditor.getByRole("button", { name: "Promote v3 to Production" }).click();
    await expect(asEditor.getByTestId("review-status")).toHaveText("Promoted");
    await asEditor.goto(`/p/${PROJECT}/environments?env=production`);
    await expect(
      asEditor.getByTestId("environment-prompts").getByRole("row").filter({ hasText: PROMPT }),
    ).toContainText("v3");

    // 8. Another failing version under review: an admin promotes it anyway, with a reason.
    await saveOverApi(4, failing);
    const overridden = await approvedReview(4);
    await page.goto(`/p/${PROJECT}/reviews/${overridden}`);
    await expect(page.getByTestId("gate-state")).toHaveText("Not run");
    await expect(page.getByRole("button", { name: "Promote v4 to Production" })).toBeDisabled();
    await page.getByRole("button", { name: "Promote anyway" }).click();
    const confirm = page.getByRole("dialog", { name: /past its evaluation gate/ });
    await confirm.getByRole("button", { name: "Promote anyway" }).click();
    await expect(confirm.getByText("Say why the gate may be skipped.")).toBeVisible();
    await confirm.getByLabel("Why skip the gate?").fill("Legal needs the new label live today");
    await confirm.getByRole("button", { name: "Promote anyway" }).click();
    await expect(page.getByTestId("review-status")).toHaveText("Promoted");
    await page.goto(`/p/${PROJECT}/environments?env=production`);
    await expect(page.getByTestId("environment-prompts").getByRole("row").filter({ hasText: PROMPT })).toContainText(
      "v4",
    );
    const deployment = page
      .getByTestId("deployment-timeline")
      .locator("li")
      .filter({ hasText: PROMPT })
      .filter({ hasText: "v3 → v4" });
    await expect(deployment.getByTestId("gate-override")).toHaveText(
      "evaluation gate overridden: “Legal needs the new label live today”",
    );

    await editor.context.close();
    await reviewer.context.close();
  } finally {
    await page.request.delete(`${api}/environments/production/gate`);
  }
});
