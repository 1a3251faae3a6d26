import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { FirstRunChecklist } from "@/components/projects/first-run-checklist";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { firstRunHiddenCookie } from "@/lib/onboarding/first-run-cookie";
import { firstRunSteps, getFirstRunProgress } from "@/lib/onboarding/get-first-run-progress";

export const metadata: Metadata = { title: "Get started" };

// /p/[project] – a new project's first steps while any is open; otherwise (or once hidden) the prompts.
export default async function ProjectHome({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "project.view");
  const prompts = `/p/${access.project.slug}/prompts`;
  const hideCookie = firstRunHiddenCookie({ projectId: access.project.id, userId: access.user.id });
  if ((await cookies()).has(hideCookie)) redirect(prompts);
  const progress = await getFirstRunProgress({ projectId: access.project.id, userId: access.user.id });
  if (firstRunSteps.every((step) => progress[step])) redirect(prompts);
  return (
    <>
      <PageHeader
        title={access.project.name}
        description="Four steps take a project from empty to serving a reviewed prompt to your app."
      />
      <FirstRunChecklist
        projectSlug={access.project.slug}
        role={access.role}
        progress={progress}
        hideCookie={hideCookie}
      />
    </>
  );
}
