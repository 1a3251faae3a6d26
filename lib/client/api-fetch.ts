// Browser side of the one error shape: every failed call becomes an ApiError whose field issues
// forms show beside their inputs.
import type { ErrorBody, FieldIssue } from "@/lib/errors";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly fields: Record<string, string>,
  ) {
    super(message);
  }
}

export async function apiFetch<T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  } catch {
    throw new ApiError("Could not reach the Galley server. Check your connection and try again.", 0, "network", {});
  }
  const data = (await response.json().catch(() => null)) as T | ErrorBody | null;
  if (!response.ok) {
    const error = (data as ErrorBody | null)?.error;
    const issues = ((error?.details as { issues?: FieldIssue[] } | undefined)?.issues ?? []) as FieldIssue[];
    // The first problem of each field is the one to fix first (later ones often follow from it).
    const fields: Record<string, string> = {};
    for (const i of issues) fields[i.path] ??= i.message;
    throw new ApiError(
      error?.message ?? `The server answered ${response.status}.`,
      response.status,
      error?.code ?? "unknown",
      fields,
    );
  }
  return data as T;
}
