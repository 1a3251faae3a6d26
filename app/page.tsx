import { redirect } from "next/navigation";

import { getCurrentUser } from "@/lib/auth/get-current-user";
import { listUserProjects } from "@/lib/projects/list-user-projects";
import { hasAnyUser } from "@/lib/users/count-users";

// / – send people where they can start: set-up, sign-in, their project, or creating one.
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect((await hasAnyUser()) ? "/login" : "/signup");
  const [first] = await listUserProjects({ userId: user.id });
  redirect(first ? `/p/${first.slug}` : "/projects/new");
}
