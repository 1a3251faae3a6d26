import Link from "next/link";

import { buttonClass } from "@/components/ui/button";

export default function Forbidden() {
  return (
    <main className="mx-auto mt-24 max-w-md p-6 text-center">
      <h1 className="text-lg font-semibold">You don’t have access to this page</h1>
      <p className="mt-2 text-muted">
        Your role in this project does not allow it. Ask an owner or admin of the project if you need it.
      </p>
      <Link href="/" className={buttonClass("secondary", "mt-6")}>
        Back to the studio
      </Link>
    </main>
  );
}
