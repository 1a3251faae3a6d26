// Paths whose segments are secrets: an invite link is as good as the invite itself, so it must
// not end up in logs (which are shipped, kept and read by more people than invites are meant for).
const SECRET_SEGMENTS: RegExp[] = [/^(\/invite\/)[^/]+/, /^(\/api\/invites\/)[^/]+/];

/** The request path for logs: no query string (tokens and codes travel there too), secret segments replaced. */
export function redactPath(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const path = url.split(/[?#]/, 1)[0]!;
  return SECRET_SEGMENTS.reduce((p, pattern) => p.replace(pattern, "$1[redacted]"), path);
}
