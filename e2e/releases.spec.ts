import { baseURL } from "../playwright.config";
import { editorAndReviewer, expect, PROJECT, test } from "./fixtures";

const content = (template: string) => ({ template, contract: { variables: [] }, modelConfig: {} });
const UNITS = Array.from({ length: 1000 }, (_, i) => `user-${i}`);

test("a 10 % canary of v2 through a review, sticky per unit, ramped to 50 %, rated, watched on the Releases page, then aborted", async ({
  page,
  browser,
  outsideRequests,
}) => {
  test.slow();
  const { editor, reviewer, asEditor, asReviewer } = await editorAndReviewer({
    browser,
    ownerRequest: page.request,
    outside: outsideRequests,
  });
  const api = `/api/projects/${PROJECT}`;

  // Production runs v1 (through a review over the API); v2 is saved.
  const prompt = (await (
    await editor.context.request.post(`${api}/prompts`, { data: { name: "releases/greeting", type: "TEXT" } })
  ).json()) as { id: string };
  for (const n of [1, 2])
    expect(
      (
        await editor.context.request.post(`${api}/prompts/${prompt.id}/versions`, {
          data: { baseVersion: n - 1, message: `greeting ${n}`, content: content(`Hello from v${n}`) },
        })
      ).status(),
    ).toBe(200);
  const approve = async (number: number) =>
    expect(
      (
        await reviewer.context.request.post(`${api}/reviews/${number}/decisions`, { data: { decision: "approve" } })
      ).status(),
    ).toBe(200);
  const first = (await (
    await editor.context.request.post(`${api}/reviews`, {
      data: { promptId: prompt.id, version: 1, environment: "production", reviewerIds: [reviewer.userId] },
    })
  ).json()) as { number: number };
  await approve(first.number);
  expect((await editor.context.request.post(`${api}/reviews/${first.number}/promote`, { data: {} })).status()).toBe(
    200,
  );

  // The editor asks for v2 at 10 % of production from the Releases tab: a review, since production is protected.
  const releases = `/p/${PROJECT}/prompts/releases/greeting?view=releases`;
  await asEditor.goto(releases);
  const production = asEditor.getByTestId("release-production");
  await expect(production).toContainText("Runs v1 for everyone");
  await production.getByRole("button", { name: "Request review of a canary" }).click();
  const dialog = asEditor.getByTestId("split-dialog");
  await expect(dialog.getByLabel("New version")).toHaveValue("2");
  await dialog.getByText("10 %", { exact: true }).click();
  await expect(dialog).toContainText("v1 90 % · v2 10 %");
  await dialog.getByRole("button", { name: "Request review" }).click();
  await asEditor.waitForURL(/\/reviews\/\d+$/);
  const canaryReview = Number(new URL(asEditor.url()).pathname.split("/").pop());

  // The reviewer approves; the editor promotes the review, which starts the split.
  await approve(canaryReview);
  await asEditor.reload();
  await asEditor.getByRole("button", { name: /^Promote/ }).click();
  await expect(asEditor.getByTestId("review-status")).toHaveText("Promoted");

  // An app with 1,000 unit ids: about 10 % get v2, each keeps its version.
  const key = (
    await (
      await page.request.post(`${api}/api-keys`, { data: { name: "releases e2e", scopes: ["prompts:read"] } })
    ).json()
  ).secret as string;
  // The app is plain Node fetch (not the browser's request API): 2,000 requests in a few seconds.
  const serve = async (unit: string) => {
    const res = await fetch(`${baseURL}/api/prompts/releases/greeting`, {
      headers: { authorization: `Bearer ${key}`, "galley-unit": unit },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { version: number; release: string | null };
    expect(res.headers.get("galley-version")).toBe(String(body.version));
    expect(res.headers.get("galley-release")).toBe(body.release);
    return body;
  };
  const serveAll = async () => {
    const out: Array<{ version: number; release: string | null }> = [];
    for (let i = 0; i < UNITS.length; i += 100) out.push(...(await Promise.all(UNITS.slice(i, i + 100).map(serve))));
    return out;
  };
  const atTen = await serveAll();
  const onV2 = (answers: Array<{ version: number }>) => answers.filter((a) => a.version === 2).length;
  expect(onV2(atTen)).toBeGreaterThanOrEqual(50);
  expect(onV2(atTen)).toBeLessThanOrEqual(160);
  expect(new Set(atTen.map((a) => a.release?.split(".")[0])).size).toBe(1);
  for (const i of [0, 1, 2, 3]) expect((await serve(UNITS[i]!)).version).toBe(atTen[i]!.version);

  // Ramp to 50 %, again through a review; everyone already on v2 stays there.
  await asEditor.goto(releases);
  await expect(production).toContainText("v1 90 % · v2 10 %");
  await production.getByRole("button", { name: "Request review of a ramp" }).click();
  await dialog.getByText("50 %", { exact: true }).click();
  await dialog.getByRole("button", { name: "Request review" }).click();
  await asEditor.waitForURL(/\/reviews\/\d+$/);
  await approve(Number(new URL(asEditor.url()).pathname.split("/").pop()));
  await asEditor.reload();
  await asEditor.getByRole("button", { name: /^Promote/ }).click();
  await expect(asEditor.getByTestId("review-status")).toHaveText("Promoted");
  const atFifty = await serveAll();
  expect(onV2(atFifty)).toBeGreaterThanOrEqual(400);
  expect(onV2(atFifty)).toBeLessThanOrEqual(600);
  atTen.forEach((a, i) => {
    if (a.version === 2) expect(atFifty[i]!.version, UNITS[i]).toBe(2);
  });

  // The app rates some answers: every v2 answer of the first 100 units up, every v1 answer down.
  const rated = atFifty.slice(0, 100);
  const statuses = await Promise.all(
    rated.map(async (a) => {
      const res = await page.request.post("/api/prompts/releases/greeting/feedback", {
        headers: { authorization: `Bearer ${key}` },
        data: { release: a.release, score: a.version === 2 ? "up" : "down" },
      });
      return res.status();
    }),
  );
  expect(new Set(statuses)).toEqual(new Set([202]));
  const ratedV2 = onV2(rated);

  // The Releases page shows the split, its steps, the requests and the ratings per arm.
  await asEditor.goto(releases);
  await expect(production).toContainText("v1 50 % · v2 50 %");
  await expect(production.getByTestId("release-steps")).toContainText("Started v2 at 10 %");
  await expect(production.getByTestId("release-steps")).toContainText("Ramped v2 10 % → 50 %");
  // Every request so far was counted under its arm: 1,000 at 10 %, four repeated, 1,000 at 50 %.
  const repeatedOnV2 = onV2(atTen.slice(0, 4));
  const expected = { v2: onV2(atTen) + repeatedOnV2 + onV2(atFifty) };
  await expect(async () => {
    await asEditor.reload();
    await expect(production.getByTestId("arm-v2").getByTestId("ratings")).toHaveText(String(ratedV2), {
      timeout: 1_000,
    });
    await expect(production.getByTestId("arm-v1").getByTestId("ratings")).toHaveText(String(100 - ratedV2), {
      timeout: 1_000,
    });
    await expect(production.getByTestId("arm-v2").getByTestId("requests")).toHaveText(String(expected.v2), {
      timeout: 1_000,
    });
    await expect(production.getByTestId("arm-v1").getByTestId("requests")).toHaveText(String(2004 - expected.v2), {
      timeout: 1_000,
    });
  }).toPass({ timeout: 60_000 });
  await expect(production.getByTestId("arm-v2")).toContainText("100 %");
  await expect(production.getByTestId("usage-chart").getByRole("application")).toBeVisible();

  // The reviewer aborts back to v1 without a review; every unit gets v1 again.
  await asReviewer.goto(releases);
  const asReviewerProduction = asReviewer.getByTestId("release-production");
  await asReviewerProduction.getByRole("button", { name: "Abort to v1" }).click();
  await asReviewer.getByLabel(/Why\?/).fill("v2 greets in the wrong language");
  await asReviewer.getByRole("dialog").getByRole("button", { name: "Abort to v1" }).click();
  await expect(asReviewerProduction).toContainText("Runs v1 for everyone");
  await expect(asReviewer.getByTestId("past-releases")).toContainText("aborted to v1");
  const afterAbort = await Promise.all(UNITS.slice(0, 50).map(serve));
  expect(afterAbort.every((a) => a.version === 1 && a.release === null)).toBe(true);
});

test("a three-way split's shares set through the form: errors name the field and the total, then the ramp runs", async ({
  page,
}) => {
  const api = `/api/projects/${PROJECT}`;
  const prompt = (await (
    await page.request.post(`${api}/prompts`, { data: { name: "releases/trio", type: "TEXT" } })
  ).json()) as { id: string };
  for (const n of [1, 2, 3])
    expect(
      (
        await page.request.post(`${api}/prompts/${prompt.id}/versions`, {
          data: { baseVersion: n - 1, message: `trio ${n}`, content: content(`Hi from v${n}`) },
        })
      ).status(),
    ).toBe(200);
  expect(
    (
      await page.request.post(`${api}/prompts/${prompt.id}/deployments`, {
        data: { environment: "staging", version: 1 },
      })
    ).status(),
  ).toBe(200);
  const three = [
    { version: 1, weight: 80 },
    { version: 2, weight: 10 },
    { version: 3, weight: 10 },
  ];
  expect(
    (
      await page.request.post(`${api}/prompts/${prompt.id}/releases`, {
        data: { environment: "staging", arms: three },
      })
    ).status(),
  ).toBe(201);

  await page.goto(`/p/${PROJECT}/prompts/releases/trio?view=releases`);
  const staging = page.getByTestId("release-staging");
  await expect(staging).toContainText("v1 80 % · v2 10 % · v3 10 %");
  await staging.getByRole("button", { name: "Set shares…" }).click();
  const dialog = page.getByTestId("split-dialog");
  const share = (version: number) => dialog.getByLabel(`v${version} share, %`);
  const total = dialog.getByTestId("shares-total");
  await expect(share(1)).toHaveValue("80");
  const height = (await dialog.boundingBox())!.height;

  // Enter submits; each mistake is named where it is, and the dialog keeps its size.
  await share(1).fill("50");
  await share(2).fill("0");
  await share(2).press("Enter");
  await expect(dialog.getByText("v2: 1–99, whole numbers")).toBeVisible();
  await expect(share(2)).toHaveAttribute("aria-invalid", "true");
  expect((await dialog.boundingBox())!.height).toBe(height);
  await share(2).fill("20");
  await expect(dialog.getByText("v2: 1–99, whole numbers")).toBeHidden();
  await expect(total).toHaveText("The shares add up to 80 %; they must add up to 100 %.");
  await share(3).fill("30");
  await expect(total).toHaveText("Total: 100 %");
  await share(3).press("Enter");

  await expect(dialog).toBeHidden();
  await expect(staging).toContainText("v1 50 % · v2 20 % · v3 30 %");
  await expect(staging.getByTestId("release-steps")).toContainText("Ramped v2 10 % → 20 %, v3 10 % → 30 %");
});
