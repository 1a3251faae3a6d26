import { redirect } from "next/navigation";

import { AppShell } from "@/components/shell/app-shell";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { listUserProjects } from "@/lib/projects/list-user-projects";

export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const projects = await listUserProjects({ userId: user.id });
  return (
    <AppShell user={user} projects={projects} current={null}>
      {children}
    </AppShell>
  );
}
