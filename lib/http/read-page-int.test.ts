import { describe, expect, it } from "vitest";

import { readPageInt } from "./read-page-int";

describe("readPageInt", () => {
  it("reads whole numbers from 1 to 2147483647", () => {
    expect(readPageInt("1")).toBe(1);
    expect(readPageInt("2147483647")).toBe(2147483647);
  });
  it("treats anything else as absent", () => {
    for (const value of [
      undefined,
      "",
      "0",
      "-1",
      "1.5",
      "1e3",
      "2147483648",
      "99999999999999999999",
      "abc",
      "3\u0000",
    ])
      expect(readPageInt(value)).toBeUndefined();
  });
});
