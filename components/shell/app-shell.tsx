import type { ReactNode } from "react";

import { PaletteLauncher } from "@/components/command-palette/palette-launcher";
import { InboxLink } from "@/components/notifications/inbox-link";
import { Breadcrumbs } from "@/components/shell/breadcrumbs";
import { RememberProject } from "@/components/shell/remember-project";
import { RouteTransition } from "@/components/shell/route-transition";
import { Sidebar } from "@/components/shell/sidebar";
import { UserMenu } from "@/components/shell/user-menu";
import type { CurrentUser } from "@/lib/auth/get-current-user";
import { countUnread } from "@/lib/notifications/list-notifications";
import type { UserProject } from "@/lib/projects/list-user-projects";

/**
 * The studio frame: sidebar (logo, project switcher, sections), top bar (breadcrumbs, search,
 * inbox, the signed-in user) and the global keys (Cmd/Ctrl+K, `/`, `?`).
 */
export async function AppShell(props: {
  user: CurrentUser;
  projects: UserProject[];
  /** The project whose page is open; null on Inbox and Profile. */
  current: UserProject | null;
  /** The project whose links the sidebar shows when none is open (the last one visited). */
  home?: UserProject | null;
  children: ReactNode;
}) {
  const unread = await countUnread({ userId: props.user.id });
  const home = props.current ?? props.home ?? null;
  return (
    <div className="flex min-h-screen">
      {props.current ? <RememberProject slug={props.current.slug} /> : null}
      <Sidebar projects={props.projects} current={home} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center gap-2 border-b border-line bg-surface pr-3 pl-14 sm:pl-24 md:gap-3 md:px-6">
          <Breadcrumbs projectName={props.current?.name} />
          <PaletteLauncher current={props.current} home={home} projects={props.projects} />
          <InboxLink initialUnread={unread} />
          <UserMenu name={props.user.name} email={props.user.email} />
        </header>
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          <div className="mx-auto max-w-6xl">
            <RouteTransition>{props.children}</RouteTransition>
          </div>
        </main>
      </div>
    </div>
  );
}
