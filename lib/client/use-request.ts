"use client";

import { useState } from "react";

import type { ApiError } from "@/lib/client/api-fetch";

/**
 * Busy and error state around one request, the way every form shows them: problems with named
 * fields go to `fields` (shown beside their inputs), anything else to `error`. `run` resolves to
 * the result, or null after a failure. With `navigating`, busy stays on after success, because the
 * page is about to change.
 */
export function useRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  async function run<T>(request: () => Promise<T>, opts: { navigating?: boolean } = {}): Promise<T | null> {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const result = await request();
      if (!opts.navigating) setBusy(false);
      return result;
    } catch (e) {
      const apiError = e as ApiError;
      const named = apiError.fields ?? {};
      setFields(named);
      setError(Object.keys(named).length ? undefined : apiError.message);
      setBusy(false);
      return null;
    }
  }
  return { busy, error, fields, run };
}
