import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { WebSocket } from "ws";
import * as Y from "yjs";

import { baseURL } from "../playwright.config";
import { expect, memberContext, PROJECT, test } from "./fixtures";

/** A live connection to a prompt's shared copy from outside the browser, as the person with `cookie`. */
function connectAs(cookie: string, documentName: string) {
  class BrowserLikeSocket extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie, origin: baseURL } });
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: `${baseURL.replace(/^http/, "ws")}/api/collab`,
    WebSocketPolyfill: BrowserLikeSocket,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentName, document: new Y.Doc() });
  provider.attach();
  provider.setAwarenessField("activeAt", Date.now());
  return () => {
    provider.destroy();
    socket.destroy();
  };
}

test("who reads a review and who is on a prompt show as named avatars, and leave when they go", async ({
  page,
  browser,
  outsideRequests,
}) => {
  const editor = await memberContext({ browser, ownerRequest: page.request, role: "EDITOR", outside: outsideRequests });
  const api = `/api/projects/${PROJECT}`;
  const { userId: ownerId } = (await (await page.request.get("/api/auth/session")).json()) as { userId: string };
  const prompt = (await (
    await editor.context.request.post(`${api}/prompts`, { data: { name: "presence/greeting", type: "TEXT" } })
  ).json()) as { id: string };
  const saved = await editor.context.request.post(`${api}/prompts/${prompt.id}/versions`, {
    data: {
      baseVersion: 0,
      message: "v1",
      content: { template: "Hello", contract: { variables: [] }, modelConfig: {} },
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);
  const review = (await (
    await editor.context.request.post(`${api}/reviews`, {
      data: { promptId: prompt.id, version: 1, environment: "production", reviewerIds: [ownerId] },
    })
  ).json()) as { number: number };

  // Both on the review page: each sees the other under "Reading now", not themselves.
  const asEditor = await editor.context.newPage();
  await page.goto(`/p/${PROJECT}/reviews/${review.number}`);
  await asEditor.goto(`/p/${PROJECT}/reviews/${review.number}`);
  const ownerSees = page.getByRole("list", { name: "Reading now" });
  const people = (list: typeof ownerSees) => list.getByRole("listitem");
  await expect(people(ownerSees)).toHaveCount(1, { timeout: 15_000 });
  await expect(people(ownerSees)).toHaveAttribute("title", "EDITOR member");
  await expect(ownerSees).toContainText("EDITOR member");
  const editorSees = asEditor.getByRole("list", { name: "Reading now" });
  await expect(people(editorSees)).toHaveCount(1, { timeout: 15_000 });
  await expect(people(editorSees)).toHaveAttribute("title", "Olivia Owner");
  await asEditor.close();
  await expect(ownerSees).toHaveCount(0, { timeout: 15_000 });

  // The editor on the prompt's shared copy: the prompt list shows them beside its name.
  const row = page.getByTestId("prompt-table").getByRole("row").filter({ hasText: "presence/greeting" });
  await page.goto(`/p/${PROJECT}/prompts`);
  const heightAlone = (await row.boundingBox())!.height;
  const cookie = (await editor.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const leave = connectAs(cookie, `prompt:${prompt.id}`);
  try {
    await expect(async () => {
      await page.goto(`/p/${PROJECT}/prompts`);
      await expect(row.getByRole("list", { name: "Open now" }).getByRole("listitem")).toHaveAttribute(
        "title",
        "EDITOR member",
        { timeout: 1_000 },
      );
    }).toPass({ timeout: 20_000 });
    // The avatars sit in the name's line: the row is as high as without them.
    expect((await row.boundingBox())!.height).toBe(heightAlone);
  } finally {
    leave();
  }
  await expect(async () => {
    await page.goto(`/p/${PROJECT}/prompts`);
    await expect(page.getByRole("list", { name: "Open now" })).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
});
