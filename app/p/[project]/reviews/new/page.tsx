import type { Metadata } from "next";
import Link from "next/link";

import { NewReviewForm } from "@/components/reviews/new-review-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { listEnvironments, versionsByEnvironment } from "@/lib/environments/list-environments";
import { readPageInt } from "@/lib/http/read-page-int";
import { listMembers } from "@/lib/members/list-members";
import { listVersions } from "@/lib/prompts/list-versions";

export const metadata: Metadata = { title: "Request review" };

export default async function NewReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<{ prompt?: string; version?: string; environment?: string }>;
}) {
  const { project } = await params;
  const search = await searchParams;
  const access = await getPageAccess(project, "review.request");
  const prompt = search.prompt
    ? await db.prompt.findFirst({ where: { id: search.prompt, projectId: access.project.id } })
    : null;
  if (!prompt || prompt.latestVersion === 0) {
    return (
      <>
        <PageHeader title="Request review" />
        <EmptyState
          title={prompt ? "Save a version first" : "Choose a prompt"}
          action={
            <Link
              href={`/p/${access.project.slug}/prompts${prompt ? `/${prompt.name}` : ""}`}
              className="text-accent hover:underline"
            >
              {prompt ? `Open ${prompt.name}` : "Go to prompts"}
            </Link>
          }
        >
          {prompt
            ? "A review is about a saved version. Save one in the editor (Ctrl/Cmd+S), then request a review."
            : "Reviews start from a prompt: open it, then choose “Request review” in the editor or on a version."}
        </EmptyState>
      </>
    );
  }
  const [environments, running, { members }, { versions }] = await Promise.all([
    listEnvironments({ projectId: access.project.id }),
    versionsByEnvironment({ projectId: access.project.id, promptIds: [prompt.id] }),
    listMembers({ projectId: access.project.id }),
    listVersions({ projectId: access.project.id, promptId: prompt.id }),
  ]);
  const runs = running.get(prompt.id) ?? {};
  const reviewers = members
    .filter((m) => m.userId !== access.user.id && can(m.role, "review.approve"))
    .map((m) => ({ id: m.userId, name: m.name, email: m.email, role: m.role }));
  const version = readPageInt(search.version) ?? prompt.latestVersion;
  const protectedFirst = environments.find((e) => e.protected)?.slug;
  return (
    <div className="max-w-2xl">
      <PageHeader
        title="Request review"
        description={
          <>
            Ask reviewers to approve promoting <span className="font-mono">{prompt.name}</span> to an environment.
          </>
        }
      />
      <NewReviewForm
        projectSlug={access.project.slug}
        prompt={{ id: prompt.id, name: prompt.name }}
        versions={versions.map((v) => ({ number: v.number, message: v.message }))}
        initialVersion={version}
        environments={environments.map((e) => ({
          slug: e.slug,
          name: e.name,
          protected: e.protected,
          requiredApprovals: e.requiredApprovals,
          current: runs[e.slug] ?? null,
        }))}
        initialEnvironment={search.environment ?? protectedFirst ?? environments[0]?.slug ?? ""}
        reviewers={reviewers}
      />
    </div>
  );
}
