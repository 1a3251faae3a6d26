// What the command palette offers besides prompts: the studio's pages for a project, and the pure
// pieces of its behaviour (matching, shortcut labels, when a key press belongs to a text field).
import { can, type Action } from "@/lib/auth/permissions";
import type { UserProject } from "@/lib/projects/list-user-projects";

/** A place the palette can open: a page of the studio. */
export type PageItem = { id: string; label: string; group: string; href: string; keywords?: string[] };

const sections: Array<{ path: string; label: string; keywords: string[]; action?: Action }> = [
  { path: "prompts", label: "Prompts", keywords: ["list", "templates"] },
  { path: "prompts/new", label: "New prompt", keywords: ["create", "add"], action: "prompt.edit" },
  { path: "datasets", label: "Datasets", keywords: ["rows", "test cases"] },
  { path: "evaluators", label: "Evaluators", keywords: ["scoring", "judge"] },
  { path: "evals", label: "Evaluations", keywords: ["eval runs", "scores"] },
  { path: "reviews", label: "Reviews", keywords: ["approvals", "requests"] },
  { path: "environments", label: "Environments", keywords: ["deployments", "production", "staging"] },
];

const settingsTabs: Array<{ path: string; label: string; keywords: string[]; action?: Action }> = [
  { path: "", label: "Project", keywords: ["name", "general", "export"] },
  { path: "/members", label: "Members", keywords: ["invite", "roles", "people"], action: "member.manage" },
  { path: "/providers", label: "Providers", keywords: ["openai", "models", "llm"], action: "provider.manage" },
  { path: "/environments", label: "Environments", keywords: ["protected", "gates"], action: "environment.manage" },
  { path: "/api-keys", label: "API keys", keywords: ["tokens", "sdk"], action: "apikey.manage" },
  { path: "/webhooks", label: "Webhooks", keywords: ["notify", "callbacks"], action: "webhook.manage" },
  { path: "/audit", label: "Audit log", keywords: ["history", "who changed"], action: "audit.view" },
];

/**
 * The pages of `project` its member may open (settings tabs and "New prompt" only for roles that
 * may use them, as the sidebar and settings tabs show them), then the account's own pages.
 */
export function pageItems(project: UserProject | null): PageItem[] {
  const items: PageItem[] = [];
  if (project) {
    const base = `/p/${project.slug}`;
    for (const s of sections) {
      if (s.action && !can(project.role, s.action)) continue;
      items.push({
        id: `page:${s.path}`,
        label: s.label,
        group: "Go to",
        href: `${base}/${s.path}`,
        keywords: s.keywords,
      });
    }
    for (const t of settingsTabs) {
      if (t.action && !can(project.role, t.action)) continue;
      items.push({
        id: `page:settings${t.path}`,
        label: `Settings: ${t.label}`,
        group: "Go to",
        href: `${base}/settings${t.path}`,
        keywords: ["settings", ...t.keywords],
      });
    }
  }
  items.push(
    { id: "page:inbox", label: "Inbox", group: "Go to", href: "/inbox", keywords: ["notifications", "mentions"] },
    { id: "page:account", label: "Profile and password", group: "Go to", href: "/account", keywords: ["account"] },
    { id: "page:new-project", label: "New project", group: "Go to", href: "/projects/new", keywords: ["create"] },
  );
  return items;
}

/** The URL of a prompt's page; each folder segment of its name is one path segment. */
export function promptHref(projectSlug: string, name: string): string {
  return `/p/${projectSlug}/prompts/${name.split("/").map(encodeURIComponent).join("/")}`;
}

/**
 * How well `query` matches an item: 0 for no match; higher for a label that starts with it, then a
 * word of the label that does, then anywhere in the label, then a keyword. Every word of the query
 * must match somewhere ("set mem" finds "Settings: Members").
 */
export function matchScore(query: string, label: string, keywords: readonly string[] = []): number {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return 1;
  const text = label.toLowerCase();
  const extra = keywords.join(" ").toLowerCase();
  let score = 0;
  for (const word of words) {
    if (text.startsWith(word)) score += 4;
    else if (new RegExp(`(^|[\\s:/._-])${escapeRegExp(word)}`).test(text)) score += 3;
    else if (text.includes(word)) score += 2;
    else if (extra.includes(word)) score += 1;
    else return 0;
  }
  return score;
}

/** `items` that match `query`, best first (ties keep their order). */
export function filterItems<T extends { label: string; keywords?: readonly string[] }>(query: string, items: T[]): T[] {
  return items
    .map((item, index) => ({ item, index, score: matchScore(query, item.label, item.keywords) }))
    .filter((m) => m.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((m) => m.item);
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
