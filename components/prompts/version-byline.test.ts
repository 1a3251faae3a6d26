import { describe, expect, it } from "vitest";

import { versionByline } from "./version-byline";

describe("versionByline", () => {
  it("names the saver alone when nobody else edited", () => {
    expect(versionByline({ author: "Ana", coAuthors: [] })).toBe("Ana");
  });

  it("names the co-authors after the saver", () => {
    expect(
      versionByline({
        author: "Ana",
        coAuthors: [
          { id: "b", name: "Ben" },
          { id: "c", name: "Cy" },
        ],
      }),
    ).toBe("Ana with Ben, Cy");
  });
});
