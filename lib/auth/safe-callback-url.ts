// Browser-safe: the sign-in page, the login form and next-auth's redirect callback share it.

/**
 * Where to go after signing in: `callbackUrl` resolved against our origin with the URL parser (the
 * same way the browser will resolve it), as a path, if it stays on our origin; otherwise "/".
 * Prefix checks are not enough: "/\evil.example" and "/\t/evil.example" start with one slash but
 * browsers read them as "//evil.example", another host.
 */
export function safeCallbackUrl(opts: { callbackUrl: string | null | undefined; origin: string }): string {
  if (!opts.callbackUrl) return "/";
  let url: URL;
  try {
    url = new URL(opts.callbackUrl, opts.origin);
  } catch {
    return "/";
  }
  if (url.origin !== new URL(opts.origin).origin) return "/";
  // A path that starts with "//" would itself be read as another host when used as a link.
  return `${url.pathname.replace(/^\/+/, "/")}${url.search}${url.hash}`;
}
