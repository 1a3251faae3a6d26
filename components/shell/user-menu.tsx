"use client";

import Link from "next/link";
import { useRef } from "react";

import { ThemeToggle } from "@/components/shell/theme-toggle";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details
      ref={ref}
      className="relative"
      onKeyDown={(e) => e.key === "Escape" && ref.current?.removeAttribute("open")}
    >
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-md px-2 py-1 hover:bg-subtle"
        aria-label={`Account: ${name}`}
      >
        <span
          aria-hidden
          className="flex h-7 w-7 items-center justify-center rounded-full bg-accent text-xs font-semibold text-accent-ink"
        >
          {name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden sm:inline" data-testid="current-user">
          {name}
        </span>
      </summary>
      <div className="absolute right-0 z-40 mt-1 w-64 rounded-md border border-line bg-surface py-1 shadow-lg">
        <div className="border-b border-line px-3 py-2">
          <div className="font-medium">{name}</div>
          <div className="truncate text-xs text-muted">{email}</div>
        </div>
        <Link href="/account" className="block px-3 py-1.5 hover:bg-subtle">
          Profile and password
        </Link>
        <div className="px-3 py-1.5">
          <ThemeToggle />
        </div>
        <button
          type="button"
          // next-auth's client (about 8 KB) loads on this click rather than with every page.
          onClick={() => void import("next-auth/react").then(({ signOut }) => signOut({ callbackUrl: "/login" }))}
          className="block w-full px-3 py-1.5 text-left hover:bg-subtle"
        >
          Sign out
        </button>
      </div>
    </details>
  );
}
