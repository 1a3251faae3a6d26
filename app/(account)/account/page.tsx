import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { PageHeader } from "@/components/ui/page-header";
import { ProfileForms } from "@/components/settings/profile-forms";

export const metadata: Metadata = { title: "Profile" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  return (
    <div className="max-w-lg">
      <PageHeader title="Profile" description={user.email} />
      <ProfileForms name={user.name} />
    </div>
  );
}
