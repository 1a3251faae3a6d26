import Link from "next/link";

import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto mt-24 max-w-md p-6 text-center">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-2 text-muted">This page does not exist, or it belongs to a project you are not a member of.</p>
      <Link href="/" className={buttonClass("secondary", "mt-6")}>
        Back to the studio
      </Link>
    </main>
  );
}
