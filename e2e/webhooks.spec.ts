import http from "node:http";
import type { AddressInfo } from "node:net";

import { verifyWebhookSignature } from "../lib/webhooks/sign-webhook";
import { expect, PROJECT, test } from "./fixtures";

test("an admin adds a webhook; saving a version sends a signed event; a failed delivery shows its status and can be redelivered", async ({
  page,
}) => {
  const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let status = 500;
  const receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  try {
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/galley`;
    await page.goto(`/p/${PROJECT}/settings/webhooks`);
    const form = page.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("URL").fill("not a url");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByRole("alert")).toContainText("Use a full URL");
    await form.getByLabel("URL").fill(url);
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    await expect(page.getByRole("region", { name: "Signing secret" })).toContainText("It will not be shown again.");

    const api = `/api/projects/${PROJECT}`;
    const prompt = await (
      await page.request.post(`${api}/prompts`, { data: { name: "hooks/e2e", type: "TEXT" } })
    ).json();
    expect(
      (
        await page.request.post(`${api}/prompts/${prompt.id}/versions`, {
          data: {
            baseVersion: 0,
            message: "first",
            content: { template: "Hi", contract: { variables: [] }, modelConfig: {} },
          },
        })
      ).status(),
    ).toBe(200);
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(1);
    const first = received[0]!;
    expect(first.headers["galley-event"]).toBe("prompt.version.created");
    expect(
      verifyWebhookSignature({
        secret,
        timestamp: Number(first.headers["galley-timestamp"]),
        body: first.body,
        signature: String(first.headers["galley-signature"]),
      }),
    ).toBe(true);
    expect(JSON.parse(first.body)).toMatchObject({
      event: "prompt.version.created",
      data: { prompt: "hooks/e2e", version: 1, message: "first" },
    });

    await page
      .getByTestId("webhooks")
      .locator("li")
      .filter({ hasText: url })
      .getByRole("link", { name: "Deliveries" })
      .click();
    const row = page.getByTestId("deliveries").locator("tbody tr").first();
    await expect(row).toContainText("prompt.version.created");
    await expect(row).toContainText("retrying");
    await expect(row).toContainText("500");

    status = 204;
    await row.getByRole("button", { name: "Redeliver" }).click();
    await expect.poll(() => received.length, { timeout: 10_000 }).toBe(2);
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId("deliveries").locator("tbody tr").first().textContent();
        },
        { timeout: 10_000 },
      )
      .toContain("delivered");
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});
