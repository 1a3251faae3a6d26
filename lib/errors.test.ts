import { describe, expect, it } from "vitest";
import { z } from "zod";

import { AppError, errorBody, toAppError } from "@/lib/errors";

describe("errors", () => {
  it("turns a ZodError into a 422 naming each field", () => {
    const result = z.object({ email: z.email(), age: z.number() }).safeParse({ email: "nope", age: "x" });
    const error = toAppError(result.error);
    expect(error.status).toBe(422);
    expect((error.details as { issues: Array<{ path: string }> }).issues.map((i) => i.path).sort()).toEqual([
      "age",
      "email",
    ]);
  });

  it("hides internals of unknown errors", () => {
    const error = toAppError(new Error("connection string postgres://user:secret@host"));
    expect(error.status).toBe(500);
    expect(error.message).not.toContain("secret");
  });

  it("maps unique-constraint violations to 409", () => {
    expect(toAppError(Object.assign(new Error("x"), { code: "P2002" })).status).toBe(409);
  });

  it("serialises to the house error shape", () => {
    const body = errorBody(new AppError({ code: "forbidden", message: "No." }), "req-12345678");
    expect(body).toEqual({ error: { code: "forbidden", message: "No.", requestId: "req-12345678" } });
  });
});
