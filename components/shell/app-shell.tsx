import type { ReactNode } from "react";

import { InboxLink } from "@/components/notifications/inbox-link";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { countUnread } from "@/lib/notifications/list-notifications";
import type { UserProject } from "@/lib/projects/list-user-projects";

/** The studio frame: sidebar (project switcher + sections), top bar with the signed-in user. */
export async function AppShell(props: {
  user: CurrentUser;
  projects: UserProject[];
  current: UserProject | null;
  children: ReactNode;
}) {
  const unread = await countUnread({ userId: props.user.id });
  return (
    <div className="flex min-h-screen">
      <Sidebar projects={props.projects} current={props.current} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-end gap-3 border-b border-line bg-surface px-4 md:px-6">
          <InboxLink initialUnread={unread} />
          <UserMenu name={props.user.name} email={props.user.email} />
        </header>
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          <div className="mx-auto max-w-6xl">{props.children}</div>
        </main>
      </div>
    </div>
  );
}
