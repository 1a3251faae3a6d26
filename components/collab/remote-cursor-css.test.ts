import { describe, expect, it } from "vitest";

import { cssString, remoteCursorCss } from "@/components/collab/remote-cursor-css";
import { colorFor, personColors } from "@/lib/collab/person-color";

describe("remote cursor styles", () => {
  it("labels each remote selection head with the person's name in their colour", () => {
    const css = remoteCursorCss([{ clientId: 42, name: "Ana", color: "#1d4ed8" }]);
    expect(css).toContain(".yRemoteSelection-42{background-color:#1d4ed833}");
    expect(css).toContain('.yRemoteSelectionHead-42::after{content:"Ana";background-color:#1d4ed8}');
  });

  it("escapes a name that tries to close the rule or the string", () => {
    const hostile = 'x"}body{display:none}\\';
    const literal = cssString(hostile);
    expect(literal.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
    expect(literal).toBe('"x\\22 }body{display:none}\\5c "');
    expect(cssString("a\nb")).toBe('"a\\a b"');
  });

  it("skips a state whose client id or colour could inject CSS", () => {
    expect(remoteCursorCss([{ clientId: 1.5, name: "a", color: "#000000" }])).toBe("");
    expect(remoteCursorCss([{ clientId: 3, name: "a", color: "red;}body{x:y" }])).toBe("");
  });
});

describe("userColor", () => {
  it("is stable for a user and spreads users over the palette", () => {
    expect(colorFor("cku1")).toBe(colorFor("cku1"));
    const used = new Set(Array.from({ length: 200 }, (_, i) => colorFor(`user-${i}`)));
    expect(used.size).toBe(personColors.length);
  });

  it("gives white label text a contrast of at least 4.5:1 (WCAG AA)", () => {
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    for (const color of personColors) expect(1.05 / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(4.5);
  });
});
