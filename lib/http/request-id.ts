import crypto from "node:crypto";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The caller's X-Request-Id when it looks sane, otherwise a new one. */
export function requestIdOf(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}
