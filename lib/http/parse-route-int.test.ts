import { describe, expect, it } from "vitest";

import { parseRouteInt } from "@/lib/http/parse-route-int";

describe("parseRouteInt", () => {
  it("accepts whole numbers from 1 to the int4 maximum", () => {
    expect(parseRouteInt({ value: "1", name: "number" })).toBe(1);
    expect(parseRouteInt({ value: "2147483647", name: "number" })).toBe(2147483647);
  });

  it.each(["0", "-1", "1.5", "1e3", "abc", "", " 1", "2147483648", "99999999999999999999", "0x10"])(
    "refuses %j with a 422 naming the parameter",
    (value) => {
      expect(() => parseRouteInt({ value, name: "number" })).toThrow(
        expect.objectContaining({
          code: "validation_failed",
          message: "number: must be a whole number from 1 to 2147483647",
        }),
      );
    },
  );
});
