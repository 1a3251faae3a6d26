"use client";

import { useState } from "react";
import type { ApiError } from "@/lib/client/api-fetch";

/**
 * Busy and error state around one request. `run` resolves to the result, or null after a failure
 * (whose message is in `error`). With `navigating`, busy stays on after success, because the page
 * is about to change.
 */
export function useRequest() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  async function run<T>(request: () => Promise<T>, opts: { navigating?: boolean } = {}): Promise<T | null> {
    setBusy(true);
    setError(undefined);
    try {
      const result = await request();
      if (!opts.navigating) setBusy(false);
      return result;
    } catch (e) {
      setError((e as ApiError).message);
      setBusy(false);
      return null;
    }
  }
  return { busy, error, run };
}
