import "server-only";

import { forbidden, notFound, redirect } from "next/navigation";

import { getCurrentUser } from "@/lib/auth/get-current-user";
import type { Action } from "@/lib/auth/permissions";
import { requireProjectPermission, type ProjectAccess } from "@/lib/auth/require-project-permission";
import { AppError } from "@/lib/errors";

/** requireProjectPermission for pages: sign-in redirect, 404 or 403 page instead of JSON errors. */
export async function getPageAccess(projectSlug: string, action: Action): Promise<ProjectAccess> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(`/p/${projectSlug}`)}`);
  try {
    return await requireProjectPermission({ user, projectSlug, action });
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") forbidden();
    throw error;
  }
}
