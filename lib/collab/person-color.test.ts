import { describe, expect, it } from "vitest";

import { colorFor } from "./person-color";

describe("colorFor", () => {
  it("gives one person the same colour every time", () => {
    expect(colorFor("cmabc123")).toBe(colorFor("cmabc123"));
    expect(colorFor("cmabc123")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("spreads people over the palette", () => {
    const colours = new Set(Array.from({ length: 200 }, (_, i) => colorFor(`user${i}`)));
    expect(colours.size).toBe(10);
  });
});
