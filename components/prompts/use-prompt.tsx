"use client";

import Link from "next/link";
import { useState } from "react";

import { buttonClass } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { buildUsageExamples } from "@/lib/serving/build-usage-examples";
import type { Contract } from "@/lib/templates/contract";

type Props = {
  origin: string;
  projectSlug: string;
  name: string;
  contract: Contract;
  environments: Array<{ slug: string; name: string; version: number | null }>;
  canManageKeys: boolean;
};

function CopyBlock({ label, text }: { label: string; text: string }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-medium">{label}</h3>
        <CopyButton text={text} variant="ghost" />
      </div>
      <pre className="overflow-auto rounded-md border border-line bg-canvas p-3 text-xs leading-relaxed">{text}</pre>
    </div>
  );
}

/** "Use this prompt": how an application reads and renders it, with this prompt's name and variables filled in. */
export function UsePrompt({ origin, projectSlug, name, contract, environments, canManageKeys }: Props) {
  const deployed = environments.filter((e) => e.version !== null);
  const [env, setEnv] = useState(
    deployed.find((e) => e.slug === "production")?.slug ?? deployed[0]?.slug ?? "production",
  );
  const examples = buildUsageExamples({ origin, name, environment: env, contract });
  return (
    <div className="space-y-6" data-testid="use-prompt">
      <p className="text-muted">
        Applications read the version an environment runs, so promoting or rolling back changes them with no redeploy.
        They need an API key with prompts:read
        {canManageKeys ? (
          <>
            {" "}
            (
            <Link className="text-accent hover:underline" href={`/p/${projectSlug}/settings/api-keys`}>
              Settings → API keys
            </Link>
            )
          </>
        ) : (
          " (an admin creates them in Settings → API keys)"
        )}
        . The full reference is the{" "}
        <a className="text-accent hover:underline" href="/api/openapi.json">
          OpenAPI document
        </a>
        .
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
      <CopyBlock label="Fetch it (ETag: send If-None-Match to get 304 while unchanged)" text={examples.fetch} />
      <CopyBlock label="Render it on the server, ready for chat.completions.create" text={examples.render} />
      <CopyBlock label="TypeScript SDK (cached, falls back when Galley is unreachable)" text={examples.sdk} />
    </div>
  );
}
