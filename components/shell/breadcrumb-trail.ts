// Where the viewer is, read from the URL alone (so the top bar needs no data of its own):
// project / section / item, and for a prompt project / Prompts / its folders / the prompt / the tab.

/** `mono`: a prompt's name or folder (set in the code font); `folder`: one folder of a prompt's name. */
export type Crumb = { label: string; href: string; mono?: boolean; folder?: boolean };

const sectionLabels: Record<string, string> = {
  prompts: "Prompts",
  datasets: "Datasets",
  evaluators: "Evaluators",
  evals: "Evaluations",
  reviews: "Reviews",
  environments: "Environments",
  settings: "Settings",
};

const settingsLabels: Record<string, string> = {
  members: "Members",
  providers: "Providers",
  environments: "Environments",
  "api-keys": "API keys",
  webhooks: "Webhooks",
  audit: "Audit log",
};

/** The prompt page's tabs (`?view=`), named as its tab bar names them. */
const promptTabs: Record<string, string> = {
  edit: "Editor",
  history: "History",
  compare: "Compare",
  deployments: "Deployments",
  runs: "Runs",
  settings: "Details",
  use: "Use this prompt",
};

const accountPages: Record<string, string> = {
  "/inbox": "Inbox",
  "/account": "Profile",
  "/projects/new": "New project",
};

function decode(segment: string) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The trail for `pathname` (and its query, which picks a prompt's tab), first crumb first; the last
 * one is the page itself. `projectName` names the project (its slug when unknown).
 */
export function breadcrumbTrail(opts: { pathname: string; search: URLSearchParams; projectName?: string }): Crumb[] {
  const { pathname, search } = opts;
  if (accountPages[pathname]) return [{ label: accountPages[pathname], href: pathname }];
  const parts = pathname.split("/").filter(Boolean);
  if (parts[0] !== "p" || !parts[1]) return [];
  const slug = parts[1];
  const base = `/p/${slug}`;
  const trail: Crumb[] = [{ label: opts.projectName ?? decode(slug), href: base }];
  const [section, ...rest] = parts.slice(2);
  if (!section) return trail;
  const sectionHref = `${base}/${section}`;
  trail.push({ label: sectionLabels[section] ?? decode(section), href: sectionHref });
  if (!rest.length) return trail;
  const here = `${sectionHref}/${rest.join("/")}`;

  if (section === "prompts") {
    if (rest.length === 1 && rest[0] === "new") return [...trail, { label: "New prompt", href: here }];
    const names = rest.map(decode);
    const prompt = names.pop() ?? "";
    names.forEach((folder, i) => {
      const path = names.slice(0, i + 1).join("/");
      trail.push({
        label: folder,
        href: `${sectionHref}?folder=${encodeURIComponent(path)}`,
        mono: true,
        folder: true,
      });
    });
    trail.push({ label: prompt, href: here, mono: true });
    const view = search.get("view") ?? "edit";
    const version = search.get("v");
    const tab = view === "version" && version ? `Version ${version}` : promptTabs[view];
    if (tab) {
      const query = view === "edit" ? "" : `?${new URLSearchParams(version ? { view, v: version } : { view })}`;
      trail.push({ label: tab, href: `${here}${query}` });
    }
    return trail;
  }

  trail.push({ label: itemLabel(section, decode(rest[0] ?? "")), href: here });
  return trail;
}

/** The last crumb of a section's own page: a review's number, a settings tab, "New review". */
function itemLabel(section: string, item: string): string {
  if (section === "settings") return settingsLabels[item] ?? item;
  if (section === "reviews") return item === "new" ? "New review" : `Review #${item}`;
  if (section === "evals") return item === "compare" ? "Compare runs" : `Eval run #${item}`;
  if (section === "datasets") return "Dataset";
  return item;
}
