"use client";

import Link from "next/link";
import { useState, type ReactNode } from "react";

import { buttonClass } from "@/components/ui/button";

/** One environment's examples, highlighted on the server (components/ui/code-block.tsx). */
export type UsageSnippets = { fetch: ReactNode; render: ReactNode; sdk: ReactNode; python: ReactNode };

type Props = {
  projectSlug: string;
  name: string;
  environments: Array<{ slug: string; name: string; version: number | null }>;
  /** By environment slug. */
  snippets: Record<string, UsageSnippets>;
  canManageKeys: boolean;
};

/** "Use this prompt": how an application reads and renders it, with this prompt's name and variables filled in. */
export function UsePrompt({ projectSlug, name, environments, snippets, canManageKeys }: Props) {
  const deployed = environments.filter((e) => e.version !== null);
  const [env, setEnv] = useState(
    deployed.find((e) => e.slug === "production")?.slug ?? deployed[0]?.slug ?? "production",
  );
  const examples = snippets[env];
  return (
    <div className="space-y-6" data-testid="use-prompt">
      <p className="text-muted">
        Applications read the version an environment runs, so promoting or rolling back changes them with no redeploy.
        They need an API key with prompts:read
        {canManageKeys ? (
          <>
            {" "}
            (
            <Link className="text-accent underline underline-offset-2" href={`/p/${projectSlug}/settings/api-keys`}>
              Settings → API keys
            </Link>
            )
          </>
        ) : (
          " (an admin creates them in Settings → API keys)"
        )}
        . Every call, with its parameters and answers, is in the{" "}
        <Link className="text-accent underline underline-offset-2" href="/docs/api">
          API reference
        </Link>{" "}
        (as an{" "}
        <a className="text-accent underline underline-offset-2" href="/api/openapi.json">
          OpenAPI document
        </a>{" "}
        for client generators).
      </p>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        Environment
        {environments.map((e) => (
          <button
            key={e.slug}
            type="button"
            onClick={() => setEnv(e.slug)}
            aria-pressed={env === e.slug}
            className={buttonClass(env === e.slug ? "secondary" : "ghost")}
          >
            {e.name} {e.version ? `(v${e.version})` : "(runs nothing)"}
          </button>
        ))}
      </div>
      {!deployed.some((e) => e.slug === env) ? (
        <p className="text-danger">
          This environment runs no version of {name} yet: the API answers 404 until one is deployed or promoted.
        </p>
      ) : null}
      {examples ? (
        <>
          {examples.fetch}
          {examples.render}
          {examples.sdk}
          {examples.python}
        </>
      ) : null}
    </div>
  );
}
