"use client";

import { EyeOff } from "lucide-react";
import { useRouter } from "next/navigation";

import { Button } from "@/components/ui/button";

/** Hides the first-run checklist for good (a year) and goes to the prompts, where a returning member starts. */
export function HideFirstRunButton({ cookie, next }: { cookie: string; next: string }) {
  const router = useRouter();
  return (
    <Button
      variant="ghost"
      icon={EyeOff}
      onClick={() => {
        document.cookie = `${cookie}=1; path=/; max-age=31536000; samesite=lax`;
        router.replace(next);
      }}
    >
      Hide this checklist
    </Button>
  );
}
