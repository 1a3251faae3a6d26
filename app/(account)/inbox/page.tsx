import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { InboxClient } from "@/components/notifications/inbox-client";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<{ before?: string; unread?: string }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const search = await searchParams;
  const unreadOnly = search.unread === "1";
  const page = await listNotifications({ userId: user.id, before: search.before, unreadOnly });
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Inbox"
        description="Reviews you are asked for, decisions on yours, mentions, promotions and rollbacks."
      />
      <InboxClient {...page} unreadOnly={unreadOnly} />
    </div>
  );
}
