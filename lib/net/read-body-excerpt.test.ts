import { describe, expect, it } from "vitest";

import { readBodyExcerpt } from "@/lib/net/read-body-excerpt";

/** A body of `total` bytes in 4 KB chunks that records how much of it was pulled. */
function streamed(total: number, byte = "a") {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const size = Math.min(4096, total - pulled);
      pulled += size;
      controller.enqueue(new TextEncoder().encode(byte.repeat(size)));
    },
  });
  return { response: new Response(body), pulled: () => pulled };
}

describe("readBodyExcerpt", () => {
  it("keeps a short body whole", async () => {
    expect(await readBodyExcerpt({ response: new Response("not today") })).toBe("not today");
    expect(await readBodyExcerpt({ response: new Response(null) })).toBe("");
  });

  it("keeps the first 1 KB of a large body and stops reading it", async () => {
    const big = streamed(10 * 1024 * 1024);
    const excerpt = await readBodyExcerpt({ response: big.response });
    expect(excerpt).toBe(`${"a".repeat(1024)}…`);
    expect(big.pulled()).toBeLessThan(64 * 1024);
  });

  it("leaves out a character cut in half at the limit", async () => {
    const text = `${"a".repeat(1023)}é and more`;
    expect(await readBodyExcerpt({ response: new Response(text) })).toBe(`${"a".repeat(1023)}…`);
  });
});
