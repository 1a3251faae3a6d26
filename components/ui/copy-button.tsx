"use client";

import { Check, Copy } from "lucide-react";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";

/**
 * Copies `text` to the clipboard; the label turns to "Copied" once it is there. `label` names what
 * is copied for screen readers ("Copy curl example") where several copy buttons share a page.
 */
export function CopyButton({
  text,
  variant = "secondary",
  label,
}: {
  text: string;
  variant?: "secondary" | "ghost";
  label?: string;
}) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      // navigator.clipboard is missing on plain-HTTP pages other than localhost.
      if (!navigator.clipboard) throw new Error("no clipboard");
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
      toast.error("Could not copy: select the text and copy it yourself.");
    }
  }
  return (
    <Button
      variant={variant}
      icon={copied ? Check : Copy}
      onClick={() => void copy()}
      aria-label={label ? (copied ? `Copied: ${label}` : label) : undefined}
    >
      {copied ? "Copied" : "Copy"}
    </Button>
  );
}
