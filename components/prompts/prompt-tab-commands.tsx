"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";

import { useRegisterCommands, type Command } from "@/components/command-palette/command-registry";

/** The prompt page's tabs as palette commands ("History", "Deployments" …) while the page is open. */
export function PromptTabCommands({
  promptName,
  tabs,
  view,
}: {
  promptName: string;
  tabs: Array<{ view: string; label: string; href: string }>;
  view: string;
}) {
  const router = useRouter();
  const key = JSON.stringify([promptName, tabs, view]);
  const commands = useMemo<Command[]>(
    () =>
      tabs
        .filter((t) => t.view !== view)
        .map((t) => ({
          id: `prompt.tab.${t.view}`,
          label: `Open ${t.label.replace(/ \(\d+\)$/, "")}`,
          group: "This prompt",
          keywords: ["tab", promptName],
          run: () => router.push(t.href),
        })),
    // `key` stands for the tabs, the open one and the name (new arrays on every server render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, router],
  );
  useRegisterCommands(commands);
  return null;
}
