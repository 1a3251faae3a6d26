import { describe, expect, it } from "vitest";

import { slugify } from "@/lib/projects/slugify";

describe("slugify", () => {
  it("makes URL-safe slugs", () => {
    expect(slugify("Customer Support (EU)")).toBe("customer-support-eu");
    expect(slugify("Ünïcödé  café")).toBe("unicode-cafe");
    expect(slugify("---")).toBe("project");
    expect(slugify("a".repeat(100)).length).toBeLessThanOrEqual(48);
  });
});
