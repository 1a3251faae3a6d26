import { NextRequest, NextResponse } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AppError } from "@/lib/errors";
import { errorResponse, jsonResponse, parseBody, parseQuery } from "@/lib/http/api-route";

const post = (body: string) =>
  new NextRequest("http://galley.test/api/x", {
    method: "POST",
    body,
    headers: { "content-type": "application/json" },
  });
const failure = async (attempt: Promise<unknown> | (() => unknown)) => {
  try {
    await (typeof attempt === "function" ? attempt() : attempt);
  } catch (error) {
    return { code: (error as AppError).code, message: (error as AppError).message };
  }
  throw new Error("expected a refusal");
};

describe("studio API responses are never stored by browsers or proxies", () => {
  it("sends Cache-Control: no-store with JSON answers and with errors", async () => {
    expect(jsonResponse({ ok: true }, "r1").headers.get("cache-control")).toBe("no-store");
    const error = errorResponse(
      new AppError({ code: "not_found", message: "No." }),
      new NextRequest("http://galley.test/api/x"),
      "r2",
    );
    expect(error.status).toBe(404);
    expect(error.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps a Cache-Control the handler chose (the served prompt revalidates with its ETag)", () => {
    const chosen = new NextResponse("{}", { headers: { "cache-control": "private, no-cache" } });
    expect(jsonResponse(chosen, "r4").headers.get("cache-control")).toBe("private, no-cache");
  });
});

describe("parseBody refuses what PostgreSQL or a recursive walker cannot take, before the schema", () => {
  const schema = z.object({ messages: z.array(z.object({ content: z.string() })) });

  it("names the field holding a NUL byte", async () => {
    expect(
      await failure(
        parseBody(
          post(JSON.stringify({ messages: [{ content: "a" }, { content: "b" }, { content: "c\u0000" }] })),
          schema,
        ),
      ),
    ).toEqual({
      code: "validation_failed",
      message: "messages.2.content: contains a NUL character",
    });
  });

  it("names a lone surrogate, escaped in the JSON text as clients send it", async () => {
    expect((await failure(parseBody(post('{"messages":[{"content":"v2 \\ud800"}]}'), schema))).message).toBe(
      "messages.0.content: contains an unpaired surrogate, which is not valid Unicode",
    );
  });

  it("refuses JSON nested thousands deep with a 422 instead of overflowing the stack", async () => {
    expect(await failure(parseBody(post("[".repeat(100_000) + "]".repeat(100_000)), z.json()))).toEqual({
      code: "validation_failed",
      message: "The request body is nested deeper than 64 levels.",
    });
  });

  it("still answers 400 to a body that is no JSON, and passes good input through", async () => {
    expect((await failure(parseBody(post("{nope"), schema))).code).toBe("bad_request");
    await expect(parseBody(post('{"messages":[{"content":"fine 😀"}]}'), schema)).resolves.toEqual({
      messages: [{ content: "fine 😀" }],
    });
  });
});

describe("parseQuery", () => {
  it("names a query parameter holding a NUL byte", async () => {
    const req = new NextRequest("http://galley.test/api/x?q=a%00b");
    expect(await failure(() => parseQuery(req, z.object({ q: z.string() })))).toEqual({
      code: "validation_failed",
      message: "q: contains a NUL character",
    });
  });
});
