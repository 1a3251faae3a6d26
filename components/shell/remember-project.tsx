"use client";

import { useEffect } from "react";

import { LAST_PROJECT_COOKIE } from "@/components/shell/last-project-cookie";

/**
 * Set from the browser (a server component may not set cookies while rendering): a year, the whole
 * studio, never sent cross-site. It only chooses which of the user's projects the sidebar shows.
 */
export function RememberProject({ slug }: { slug: string }) {
  useEffect(() => {
    document.cookie = `${LAST_PROJECT_COOKIE}=${encodeURIComponent(slug)}; path=/; max-age=31536000; samesite=lax`;
  }, [slug]);
  return null;
}
