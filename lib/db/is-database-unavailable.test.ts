import { describe, expect, it } from "vitest";

import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";

// Shapes as Prisma 7 with @prisma/adapter-pg throws them (recorded against PostgreSQL 15).
const adapterError = (code: string, cause: Record<string, unknown>) =>
  Object.assign(new Error("Invalid `prisma.prompt.findUnique()` invocation"), {
    name: "PrismaClientKnownRequestError",
    code,
    meta: { modelName: "Prompt", driverAdapterError: { name: "DriverAdapterError", cause } },
  });

describe("isDatabaseUnavailable", () => {
  it("recognises a server that refuses, drops or shuts down connections", () => {
    expect(
      isDatabaseUnavailable(adapterError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 })),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        adapterError("P2039", {
          kind: "postgres",
          code: "55000",
          severity: "FATAL",
          message: 'database "x" is not currently accepting connections',
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(
        adapterError("P2010", {
          kind: "postgres",
          code: "57P01",
          severity: "FATAL",
          message: "terminating connection due to administrator command",
        }),
      ),
    ).toBe(true);
    expect(
      isDatabaseUnavailable(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("leaves bad queries, conflicts and bugs to the ordinary error path", () => {
    expect(
      isDatabaseUnavailable(
        adapterError("P2002", { kind: "UniqueConstraintViolation", constraint: { fields: ["name"] } }),
      ),
    ).toBe(false);
    expect(
      isDatabaseUnavailable(
        adapterError("P2010", { kind: "postgres", code: "22021", severity: "ERROR", message: "invalid byte sequence" }),
      ),
    ).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
