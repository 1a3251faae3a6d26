import { cookies } from "next/headers";
import { redirect } from "next/navigation";

import { AppShell } from "@/components/shell/app-shell";
import { LAST_PROJECT_COOKIE } from "@/components/shell/last-project-cookie";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { listUserProjects } from "@/lib/projects/list-user-projects";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const [projects, jar] = await Promise.all([listUserProjects({ userId: user.id }), cookies()]);
  // The sidebar keeps the links of the project the user was last in (only if still a member).
  const last = jar.get(LAST_PROJECT_COOKIE)?.value;
  const home = projects.find((p) => p.slug === last) ?? projects[0] ?? null;
  return (
    <AppShell user={user} projects={projects} current={null} home={home}>
      {children}
    </AppShell>
  );
}
