import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { ProfileForms } from "@/components/settings/profile-forms";
import { PageHeader } from "@/components/ui/page-header";
import { getCurrentUser } from "@/lib/auth/get-current-user";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Profile" };

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  const { emailNotifications } = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: { emailNotifications: true },
  });
  return (
    <div className="max-w-lg">
      <PageHeader title="Profile" description={user.email} />
      <ProfileForms
        name={user.name}
        emailNotifications={emailNotifications}
        emailConfigured={Boolean(getEnv().SMTP_URL)}
      />
    </div>
  );
}
