/**
 * The cookie that remembers "Hide this checklist" for one user in one project (this browser):
 * the project's home reads it on the server to send them to the prompts instead.
 */
export function firstRunHiddenCookie(opts: { projectId: string; userId: string }) {
  return `galley-first-run-hidden-${opts.projectId}-${opts.userId}`;
}
