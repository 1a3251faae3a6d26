import { describe, expect, it } from "vitest";

import { breadcrumbTrail } from "@/components/shell/breadcrumb-trail";

const trail = (url: string, projectName = "Acme") => {
  const { pathname, searchParams } = new URL(url, "http://x");
  return breadcrumbTrail({ pathname, search: searchParams, projectName }).map((c) => `${c.label} → ${c.href}`);
};

describe("breadcrumbTrail", () => {
  it("gives a prompt its project, folders, name and tab, each a link", () => {
    expect(trail("/p/acme/prompts/support/billing/refund-reply?view=history")).toEqual([
      "Acme → /p/acme",
      "Prompts → /p/acme/prompts",
      "support → /p/acme/prompts?folder=support",
      "billing → /p/acme/prompts?folder=support%2Fbilling",
      "refund-reply → /p/acme/prompts/support/billing/refund-reply",
      "History → /p/acme/prompts/support/billing/refund-reply?view=history",
    ]);
  });

  it("names the editor tab when no view is asked for, and a version by its number", () => {
    expect(trail("/p/acme/prompts/greet").slice(-2)).toEqual([
      "greet → /p/acme/prompts/greet",
      "Editor → /p/acme/prompts/greet",
    ]);
    expect(trail("/p/acme/prompts/greet?view=version&v=3").at(-1)).toBe(
      "Version 3 → /p/acme/prompts/greet?view=version&v=3",
    );
  });

  it("decodes names and tells the new-prompt page from a prompt", () => {
    expect(trail("/p/acme/prompts/caf%C3%A9%20menu").at(-2)).toBe("café menu → /p/acme/prompts/caf%C3%A9%20menu");
    expect(trail("/p/acme/prompts/new")).toEqual([
      "Acme → /p/acme",
      "Prompts → /p/acme/prompts",
      "New prompt → /p/acme/prompts/new",
    ]);
  });

  it("gives other pages project / section / item", () => {
    expect(trail("/p/acme/reviews/12")).toEqual([
      "Acme → /p/acme",
      "Reviews → /p/acme/reviews",
      "Review #12 → /p/acme/reviews/12",
    ]);
    expect(trail("/p/acme/settings/api-keys").at(-1)).toBe("API keys → /p/acme/settings/api-keys");
    expect(trail("/p/acme/evals/compare").at(-1)).toBe("Compare runs → /p/acme/evals/compare");
    expect(trail("/p/acme/evals")).toEqual(["Acme → /p/acme", "Evaluations → /p/acme/evals"]);
  });

  it("names the account's pages and nothing elsewhere", () => {
    expect(trail("/inbox")).toEqual(["Inbox → /inbox"]);
    expect(trail("/account")).toEqual(["Profile → /account"]);
    expect(trail("/login")).toEqual([]);
  });

  it("falls back to the slug without a project name", () => {
    expect(breadcrumbTrail({ pathname: "/p/acme", search: new URLSearchParams() })[0]?.label).toBe("acme");
  });
});
