import type { Metadata } from "next";

import { MembersClient } from "@/components/settings/members-client";
import { getPageAccess } from "@/lib/auth/get-page-access";
import { listMembers } from "@/lib/members/list-members";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const access = await getPageAccess(project, "member.manage");
  const { members, invites } = await listMembers({ projectId: access.project.id });
  return (
    <MembersClient
      projectSlug={access.project.slug}
      currentUserId={access.user.id}
      actorRole={access.role}
      members={members}
      invites={invites}
    />
  );
}
