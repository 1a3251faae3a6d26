import { describe, expect, it } from "vitest";

import { filterItems, matchScore, pageItems, promptHref } from "@/components/command-palette/palette-items";
import type { UserProject } from "@/lib/projects/list-user-projects";

const project = (role: UserProject["role"]): UserProject => ({ id: "p1", slug: "acme", name: "Acme", role });

describe("pageItems", () => {
  it("offers every section and settings tab to an owner, then the account's pages", () => {
    const labels = pageItems(project("OWNER")).map((i) => i.label);
    expect(labels).toEqual(
      expect.arrayContaining(["Prompts", "New prompt", "Datasets", "Evaluators", "Evaluations", "Reviews"]),
    );
    expect(labels).toEqual(expect.arrayContaining(["Environments", "Settings: Members", "Settings: API keys"]));
    expect(labels.slice(-3)).toEqual(["Inbox", "Profile and password", "New project"]);
    expect(pageItems(project("OWNER")).find((i) => i.label === "Settings: Audit log")?.href).toBe(
      "/p/acme/settings/audit",
    );
  });

  it("leaves out what a viewer may not use, as the settings tabs do", () => {
    const labels = pageItems(project("VIEWER")).map((i) => i.label);
    expect(labels).toContain("Prompts");
    expect(labels).toContain("Settings: Project");
    expect(labels).not.toContain("New prompt");
    expect(labels).not.toContain("Settings: Members");
    expect(labels).not.toContain("Settings: API keys");
  });

  it("has only the account's pages without a project", () => {
    expect(pageItems(null).map((i) => i.href)).toEqual(["/inbox", "/account", "/projects/new"]);
  });
});

describe("matching", () => {
  const items = [
    { label: "Settings: Members", keywords: ["invite"] },
    { label: "Prompts" },
    { label: "New prompt", keywords: ["create"] },
    { label: "Dark theme", keywords: ["appearance"] },
  ];

  it("ranks a label that starts with the query first, then a word that does", () => {
    expect(filterItems("prom", items).map((i) => i.label)).toEqual(["Prompts", "New prompt"]);
  });

  it("needs every word to match somewhere, keywords included", () => {
    expect(filterItems("set mem", items).map((i) => i.label)).toEqual(["Settings: Members"]);
    expect(filterItems("invite", items).map((i) => i.label)).toEqual(["Settings: Members"]);
    expect(filterItems("set zzz", items)).toEqual([]);
  });

  it("keeps everything, in order, for an empty query", () => {
    expect(filterItems("  ", items)).toEqual(items);
    expect(matchScore("", "anything")).toBeGreaterThan(0);
  });

  it("treats regular-expression characters as text", () => {
    expect(matchScore("(", "Prompts")).toBe(0);
    expect(matchScore("[a", "x [a] y")).toBeGreaterThan(0);
  });
});

it("links a prompt by its name, each folder a path segment", () => {
  expect(promptHref("acme", "support/refund reply")).toBe("/p/acme/prompts/support/refund%20reply");
});
