import { describe, expect, it } from "vitest";

import { clickLeavesPage, type LinkClick } from "@/components/ui/unsaved-changes-navigation";

const click = (over: Partial<LinkClick> = {}): LinkClick => ({
  href: "http://localhost:3000/p/acme/prompts",
  current: "http://localhost:3000/p/acme/settings/providers",
  target: "",
  download: false,
  button: 0,
  modified: false,
  handled: false,
  ...over,
});

describe("clickLeavesPage", () => {
  it("asks for a plain click on a link to another page of the studio", () => {
    expect(clickLeavesPage(click())).toBe(true);
    expect(clickLeavesPage(click({ target: "_self" }))).toBe(true);
  });

  it("asks when only the query changes (another tab of the same page is another view)", () => {
    expect(
      clickLeavesPage(
        click({ href: "http://localhost:3000/p/acme/x?view=history", current: "http://localhost:3000/p/acme/x" }),
      ),
    ).toBe(true);
  });

  it("lets through clicks that keep this page: new tab, other buttons, downloads, fragments", () => {
    expect(clickLeavesPage(click({ modified: true }))).toBe(false);
    expect(clickLeavesPage(click({ button: 1 }))).toBe(false);
    expect(clickLeavesPage(click({ target: "_blank" }))).toBe(false);
    expect(clickLeavesPage(click({ download: true }))).toBe(false);
    expect(clickLeavesPage(click({ href: "http://localhost:3000/p/acme/settings/providers#add" }))).toBe(false);
    expect(clickLeavesPage(click({ handled: true }))).toBe(false);
  });

  it("leaves other sites and other schemes to the browser's own beforeunload question", () => {
    expect(clickLeavesPage(click({ href: "https://example.com/docs" }))).toBe(false);
    expect(clickLeavesPage(click({ href: "mailto:ana@example.com" }))).toBe(false);
    expect(clickLeavesPage(click({ href: "http://localhost:3001/p/acme/prompts" }))).toBe(false);
  });

  it("does not throw on an address it cannot read", () => {
    expect(clickLeavesPage(click({ current: "not a url" }))).toBe(false);
  });
});
