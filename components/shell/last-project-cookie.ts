/** The cookie naming the project the user was last in; Inbox and Profile keep its sidebar links. */
export const LAST_PROJECT_COOKIE = "galley-last-project";
