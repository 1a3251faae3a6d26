import { expect, PROJECT, test } from "./fixtures";

test.use({ timezoneId: "UTC" });

test("deploy versions to development, see what each environment runs, now and at another moment", async ({ page }) => {
  const prompt = await (
    await page.request.post(`/api/projects/${PROJECT}/prompts`, { data: { name: "envs/greeting", type: "TEXT" } })
  ).json();
  for (const [i, text] of ["Hello", "Hello there"].entries()) {
    const saved = await page.request.post(`/api/projects/${PROJECT}/prompts/${prompt.id}/versions`, {
      data: {
        baseVersion: i,
        message: `v${i + 1}`,
        content: { template: text, contract: { variables: [] }, modelConfig: {} },
      },
    });
    expect(saved.status()).toBe(200);
  }

  await page.goto(`/p/${PROJECT}/prompts/envs/greeting?view=version&v=1`);
  await page.getByTestId("deploy-control").getByLabel("Environment").selectOption("development");
  await page.getByRole("button", { name: "Deploy v1" }).click();
  await expect(page.getByText("Development now runs version 1.")).toBeVisible();
  await expect(page.getByTestId("runs-in-development")).toHaveText("Development: v1");

  // Production is protected: it is not offered for direct deploys, and the API refuses too.
  await expect(page.getByTestId("deploy-control").getByLabel("Environment").locator("option")).toHaveText([
    "Development (runs v1)",
    "Staging (runs nothing)",
  ]);
  const refused = await page.request.post(`/api/projects/${PROJECT}/prompts/${prompt.id}/deployments`, {
    data: { environment: "production", version: 1 },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.message).toMatch(/protected/);

  // v2 follows v1 within seconds: time travel tells them apart to the second.
  const envApi = `/api/projects/${PROJECT}/environments/development`;
  const deployedAt = async () =>
    (
      (await (await page.request.get(envApi)).json()) as { prompts: Array<{ promptName: string; deployedAt: string }> }
    ).prompts.find((p) => p.promptName === "envs/greeting")!.deployedAt;
  const v1At = Date.parse(await deployedAt());
  await new Promise((r) => setTimeout(r, 1100));
  await page.goto(`/p/${PROJECT}/prompts/envs/greeting?view=version&v=2`);
  await page.getByRole("button", { name: "Deploy v2" }).click();
  await expect(page.getByText("Development now runs version 2.")).toBeVisible();

  await page.goto(`/p/${PROJECT}/prompts?q=envs%2Fgreeting`);
  await expect(page.getByTestId("prompt-table").getByRole("row").filter({ hasText: "envs/greeting" })).toContainText(
    "v2",
  );

  await page.goto(`/p/${PROJECT}/environments?env=development`);
  await expect(page.getByTestId("environment-prompts")).toContainText("envs/greeting");
  await expect(
    page.getByTestId("environment-prompts").getByRole("row").filter({ hasText: "envs/greeting" }),
  ).toContainText("v2");
  await expect(page.getByTestId("deployment-timeline").locator("li").filter({ hasText: "envs/greeting" })).toHaveCount(
    2,
  );

  // The form reads times in the viewer's zone (this test's browser runs in UTC, see test.use).
  await page.getByLabel(/^Compare with/).fill("2001-01-01T00:00");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByTestId("environment-changes")).toContainText("envs/greeting: — → v2");
  await page.getByLabel(/^As of/).fill("2001-01-02T00:00");
  await page.getByLabel(/^Compare with/).fill("");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("Development ran no prompt at that moment.")).toBeVisible();
  // One second after v1 went out, and before v2 did: to the second.
  const between = new Date(Math.floor((v1At + 1000) / 1000) * 1000).toISOString().slice(0, 19);
  await page.getByLabel(/^As of/).fill(between);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`at=${encodeURIComponent(`${between}.000Z`)}`));
  await expect(
    page.getByTestId("environment-prompts").getByRole("row").filter({ hasText: "envs/greeting" }),
  ).toContainText("v1");

  // "As it was right after this" on a deployment of the timeline.
  await page.goto(`/p/${PROJECT}/environments?env=development`);
  const timeline = page.getByTestId("deployment-timeline").locator("li").filter({ hasText: "envs/greeting" });
  await timeline.filter({ hasText: "— → v1" }).getByRole("link", { name: "As it was right after this" }).click();
  await expect(
    page.getByRole("heading", { name: /Development right after the deployment of envs\/greeting v1/ }),
  ).toBeVisible();
  await expect(
    page.getByTestId("environment-prompts").getByRole("row").filter({ hasText: "envs/greeting" }),
  ).toContainText("v1");
  await timeline.filter({ hasText: "v1 → v2" }).getByRole("link", { name: "As it was right after this" }).click();
  await expect(
    page.getByTestId("environment-prompts").getByRole("row").filter({ hasText: "envs/greeting" }),
  ).toContainText("v2");
});

test("admins add and remove environments in settings; removing asks first, naming the prompts it serves", async ({
  page,
}) => {
  await page.goto(`/p/${PROJECT}/settings/environments`);
  const form = page.getByRole("form", { name: "Add an environment" });
  await form.getByLabel("Name").fill("QA");
  await form.getByRole("button", { name: "Add environment" }).click();
  const qa = page.getByTestId("environment-qa");
  await expect(qa).toContainText("serves 0 prompts");
  await qa.getByRole("button", { name: "Remove" }).click();
  await expect(qa.getByRole("dialog", { name: "Remove QA?" })).toHaveAccessibleDescription(/No prompt is deployed/);
  await qa.getByRole("button", { name: "Remove QA" }).click();
  await expect(qa).toHaveCount(0);

  const dev = page.getByTestId("environment-development");
  await dev.getByRole("button", { name: "Remove" }).click();
  await expect(dev.getByRole("dialog")).toHaveAccessibleDescription(/prompts? deploys? to Development: apps reading/);
  await dev.getByRole("button", { name: "Keep it" }).click();
  await expect(dev.getByRole("dialog")).toHaveCount(0);
  await expect(dev).toBeVisible();
});
