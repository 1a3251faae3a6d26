// npm run bench:stream – the cost of Galley's streaming path (render, provider call through the
// openai SDK, NDJSON to the browser, run stored) against a fake OpenAI server on loopback:
//  1. delay from the fake server writing its first chunk to the client reading the first delta
//     from Galley (target ≤ 20 ms median);
//  2. total time of a 1,000-chunk stream through Galley vs. the same request made directly with the
//     openai SDK, both measured in this run (target: ≤ 5 % overhead). Real models pace their tokens,
//     so the fake sends a chunk every 2 ms; the unpaced figure is printed too.
// Needs a build (npm run build).
import OpenAI from "openai";

import { startFakeOpenAI } from "../tests/fake-openai/server";
import { startProductionServer } from "./browser";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function main() {
  const fake = await startFakeOpenAI();
  const { base, stop } = await startProductionServer({ name: "stream", logLevel: "error", healthAttempts: 120 });
  try {
    const cookieJar: string[] = [];
    const call = async (url: string, init: RequestInit & { json?: unknown } = {}) => {
      const response = await fetch(`${base}${url}`, {
        ...init,
        headers: {
          ...(init.json !== undefined ? { "content-type": "application/json" } : {}),
          cookie: cookieJar.join("; "),
          ...(init.headers ?? {}),
        },
        body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
        redirect: "manual",
      });
      for (const c of response.headers.getSetCookie()) cookieJar.push(c.split(";")[0]!);
      return response;
    };
    const password = "bench-password-1";
    await call("/api/signup", { method: "POST", json: { name: "Bench", email: "bench@example.test", password } });
    const { csrfToken } = (await (await call("/api/auth/csrf")).json()) as { csrfToken: string };
    await call("/api/auth/callback/credentials", {
      method: "POST",
      body: new URLSearchParams({ csrfToken, email: "bench@example.test", password, json: "true" }),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const provider = (await (
      await call("/api/projects/default-project/providers", {
        method: "POST",
        json: { name: "Fake", kind: "OPENAI_COMPATIBLE", baseUrl: fake.url, apiKey: "test-key" },
      })
    ).json()) as { id: string };
    const prompt = (await (
      await call("/api/projects/default-project/prompts", {
        method: "POST",
        json: { name: "bench/stream", type: "CHAT" },
      })
    ).json()) as { id: string };
    await call(`/api/projects/default-project/prompts/${prompt.id}/versions`, {
      method: "POST",
      json: {
        baseVersion: 0,
        message: "v1",
        content: { messages: [{ role: "user", content: "{{text}}" }], contract: { variables: [] }, modelConfig: {} },
      },
    });
    const text = "lorem ipsum dolor sit amet ".repeat(160); // ~4,300 characters: every chunk carries text

    const viaGalley = async (model: string) => {
      const started = performance.now();
      const response = await call(`/api/projects/default-project/prompts/${prompt.id}/runs`, {
        method: "POST",
        json: { source: { version: 1 }, values: { text }, providerId: provider.id, model },
      });
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      let firstDeltaAt: number | null = null;
      let buffer = "";
      let deltas = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const lines = buffer.split("\n");
        buffer = lines.pop()!;
        for (const line of lines) {
          if (line.includes('"type":"delta"')) {
            firstDeltaAt ??= performance.now();
            deltas++;
          } else if (line.includes('"type":"error"')) throw new Error(line);
        }
      }
      return { total: performance.now() - started, firstDeltaAt: firstDeltaAt!, deltas };
    };
    const direct = async (model: string) => {
      const client = new OpenAI({ apiKey: "test-key", baseURL: fake.url, maxRetries: 0 });
      const started = performance.now();
      const stream = await client.chat.completions.create({
        model,
        stream: true,
        stream_options: { include_usage: true },
        messages: [{ role: "user", content: `Echo: ${text}` }],
      });
      for await (const chunk of stream) void chunk;
      return performance.now() - started;
    };

    // 1. First-chunk delay.
    const delays: number[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await viaGalley("fake-chunks-5-every-20");
      if (i >= 5) delays.push(r.firstDeltaAt - fake.firstChunkAt.at(-1)!);
    }
    const d = median(delays);
    console.log(
      `first chunk: fake server → client through Galley: median ${d.toFixed(2)} ms, p90 ${[...delays].sort((a, b) => a - b)[Math.floor(delays.length * 0.9)]!.toFixed(2)} ms over ${delays.length} runs (target ≤ 20 ms: ${d <= 20 ? "met" : "NOT met"})`,
    );

    // 2. Whole 1,000-chunk streams, direct vs through Galley, interleaved.
    for (const [model, label] of [
      ["fake-chunks-1000-every-2", "paced, a chunk every 2 ms"],
      ["fake-chunks-1000-every-0", "unpaced"],
    ] as const) {
      const ours: number[] = [];
      const theirs: number[] = [];
      let deltas = 0;
      for (let i = 0; i < 6; i++) {
        theirs.push(await direct(model));
        const r = await viaGalley(model);
        ours.push(r.total);
        deltas = r.deltas;
      }
      const o = median(ours.slice(1));
      const t = median(theirs.slice(1));
      const overhead = ((o - t) / t) * 100;
      console.log(
        `1,000-chunk stream (${label}, ${deltas} deltas relayed): direct SDK median ${t.toFixed(0)} ms, through Galley ${o.toFixed(0)} ms, overhead ${overhead.toFixed(1)} %` +
          (model.endsWith("every-2") ? ` (target ≤ 5 %: ${overhead <= 5 ? "met" : "NOT met"})` : ""),
      );
    }
  } finally {
    await Promise.all([stop(), fake.close()]);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
