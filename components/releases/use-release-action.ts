"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { toast } from "@/components/ui/lazy-toast";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";

/**
 * One release action (start, ramp, promote, abort, request a review): busy and error state, a toast
 * and a refresh on success. A 409 means someone moved the split meanwhile: its message says what
 * changed, and the page refreshes so the buttons offer what makes sense now.
 */
export function useReleaseAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  async function send<T>(
    url: string,
    init: { method?: string; body: unknown },
    done: string | ((result: T) => string),
  ): Promise<T | null> {
    setBusy(true);
    setError(undefined);
    setFields({});
    try {
      const result = await apiFetch<T>(url, init);
      toast.success(typeof done === "string" ? done : done(result));
      router.refresh();
      return result;
    } catch (e) {
      const failure = e as ApiError;
      setFields(failure.fields ?? {});
      const named = Object.entries(failure.fields ?? {})
        .map(([path, message]) => `${path}: ${message}`)
        .join(" ");
      setError(
        failure.status === 409 ? `${failure.message} The page now shows the current split.` : named || failure.message,
      );
      if (failure.status === 409) router.refresh();
      return null;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, fields, send, clear: () => setError(undefined) };
}
