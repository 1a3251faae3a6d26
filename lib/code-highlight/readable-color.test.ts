import { describe, expect, it } from "vitest";

import { contrastRatio, readableColor } from "@/lib/code-highlight/readable-color";

describe("readableColor", () => {
  it("measures WCAG contrast", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#fff", "#ffffff")).toBeCloseTo(1, 5);
    expect(contrastRatio("#E36209", "#ffffff")).toBeCloseTo(3.48, 1);
  });

  it("keeps a readable colour and moves an unreadable one just past 4.5:1, darker on light and lighter on dark", () => {
    expect(readableColor({ color: "#005CC5", background: "#ffffff" })).toBe("#005CC5");
    const onLight = readableColor({ color: "#E36209", background: "#ffffff" });
    expect(contrastRatio(onLight, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(onLight, "#ffffff")).toBeLessThan(5.5);
    const onDark = readableColor({ color: "#6A737D", background: "#17171b" });
    expect(contrastRatio(onDark, "#17171b")).toBeGreaterThanOrEqual(4.5);
    expect(parseInt(onDark.slice(1, 3), 16)).toBeGreaterThan(0x6a);
  });
});
