/** The shape of page a URL of the studio opens, so its skeleton can stand in while it loads. */
export type PageShape = "list" | "prompt" | "form" | "detail" | "settings";

/**
 * Which skeleton to show for `href` (a path with an optional query): a prompt, a settings tab, a
 * form (new prompt, new review, new project), one item (a review, an eval run, a dataset), or a list.
 */
export function pageShapeFor(href: string): PageShape {
  const path = href.split(/[?#]/)[0] ?? "";
  const parts = path.split("/").filter(Boolean);
  if (parts[0] === "projects" && parts[1] === "new") return "form";
  if (parts[0] !== "p") return "list";
  const [section, item] = [parts[2], parts[3]];
  if (section === "settings") return "settings";
  if (!item) return "list";
  if (item === "new") return "form";
  if (section === "prompts") return "prompt";
  return "detail";
}
