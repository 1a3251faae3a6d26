import crypto from "node:crypto";

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,100}$/;

/** The caller's X-Request-Id when it looks sane, otherwise a new one. */
export function requestIdFrom(given: string | string[] | null | undefined): string {
  return typeof given === "string" && REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

export function requestIdOf(headers: Headers): string {
  return requestIdFrom(headers.get("x-request-id"));
}
