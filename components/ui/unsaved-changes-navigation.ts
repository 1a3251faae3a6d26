/** What the unsaved-changes guard needs to know about a click, read off the event and the link. */
export type LinkClick = {
  /** The link's resolved address (`anchor.href`). */
  href: string;
  /** The page's address now (`location.href`). */
  current: string;
  /** `anchor.target`: anything but "" or "_self" opens elsewhere and leaves this page be. */
  target: string;
  /** The link has a `download` attribute: it saves a file and stays on the page. */
  download: boolean;
  /** `event.button`: only the main button follows a link in this tab. */
  button: number;
  /** Ctrl, Cmd, Shift or Alt held: the browser opens a new tab or window, or saves the link. */
  modified: boolean;
  /** Someone already handled the click (`event.defaultPrevented`). */
  handled: boolean;
};

/**
 * Whether following this click would leave the page (and so lose what the form holds): a plain
 * click on a same-origin link to another address in this tab. Links to other sites are left to
 * `beforeunload`, which the browser asks itself; a link to a fragment of this page moves nothing.
 */
export function clickLeavesPage(click: LinkClick): boolean {
  if (click.handled || click.button !== 0 || click.modified || click.download) return false;
  if (click.target && click.target !== "_self") return false;
  let to: URL;
  let from: URL;
  try {
    to = new URL(click.href, click.current);
    from = new URL(click.current);
  } catch {
    return false;
  }
  if (to.protocol !== "http:" && to.protocol !== "https:") return false;
  if (to.origin !== from.origin) return false;
  return to.pathname !== from.pathname || to.search !== from.search;
}
