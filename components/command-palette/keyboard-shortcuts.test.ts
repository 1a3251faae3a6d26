import { describe, expect, it } from "vitest";

import { formatShortcut, isMacPlatform, isTypingTarget } from "@/components/command-palette/keyboard-shortcuts";

describe("shortcut labels", () => {
  it("keeps ⌘ on a Mac and writes Ctrl elsewhere", () => {
    expect(formatShortcut("⌘K", true)).toBe("⌘K");
    expect(formatShortcut("⌘K", false)).toBe("Ctrl+K");
    expect(formatShortcut("⌘↵", false)).toBe("Ctrl+Enter");
    expect(formatShortcut("⇧⌘P", false)).toBe("Shift+Ctrl+P");
    expect(formatShortcut("?", false)).toBe("?");
  });

  it("recognises Apple platforms", () => {
    expect(isMacPlatform({ platform: "MacIntel" })).toBe(true);
    expect(isMacPlatform({ platform: "", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0)" })).toBe(true);
    expect(isMacPlatform({ platform: "Linux x86_64" })).toBe(false);
    expect(isMacPlatform({ platform: "Win32" })).toBe(false);
  });
});

describe("isTypingTarget", () => {
  // A stand-in for an element: what the check reads of one.
  const element = (matches: boolean, editable = false) =>
    ({ isContentEditable: editable, closest: () => (matches ? {} : null) }) as unknown as EventTarget;

  it("is true inside fields, editable elements and Monaco, false elsewhere", () => {
    expect(isTypingTarget(element(true))).toBe(true);
    expect(isTypingTarget(element(false, true))).toBe(true);
    expect(isTypingTarget(element(false))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({} as EventTarget)).toBe(false);
  });
});
