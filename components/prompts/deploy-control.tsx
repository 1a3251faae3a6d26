"use client";

import { Rocket } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch, type ApiError } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

type Env = { slug: string; name: string; protected: boolean; current: number | null };

/** Deploy this version to an unprotected environment (protected ones take versions through reviews). */
export function DeployControl({
  projectSlug,
  promptId,
  version,
  environments,
}: {
  projectSlug: string;
  promptId: string;
  version: number;
  environments: Env[];
}) {
  const router = useRouter();
  const open = environments.filter((e) => !e.protected);
  const [slug, setSlug] = useState(open[0]?.slug ?? "");
  const { busy, error, run } = useRequest();
  const env = open.find((e) => e.slug === slug);
  if (!open.length) return null;
  async function deploy() {
    const result = await run(() =>
      apiFetch(`/api/projects/${projectSlug}/prompts/${promptId}/deployments`, {
        body: { environment: slug, version, expectedVersion: env?.current ?? null },
      }),
    );
    if (result) {
      const previous = env?.current ?? null;
      toast.success(`${env?.name} now runs version ${version}.`, {
        // Undo points the environment back, unless someone moved it again meanwhile (409, said in a toast).
        action: previous ? { label: "Undo", onClick: () => void undo(env?.name ?? slug, previous) } : undefined,
      });
      router.refresh();
    }
  }
  async function undo(name: string, previous: number) {
    try {
      await apiFetch(`/api/projects/${projectSlug}/prompts/${promptId}/deployments`, {
        body: { environment: slug, version: previous, expectedVersion: version, reason: "Undo from the deploy toast" },
      });
      toast.success(`${name} runs version ${previous} again.`);
      router.refresh();
    } catch (e) {
      toast.error(`Not undone: ${(e as ApiError).message}`);
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="deploy-control">
      <select
        aria-label="Environment"
        value={slug}
        onChange={(e) => setSlug(e.target.value)}
        className="rounded border border-line bg-surface px-2 py-1 text-sm"
      >
        {open.map((e) => (
          <option key={e.slug} value={e.slug}>
            {e.name} {e.current ? `(runs v${e.current})` : "(runs nothing)"}
          </option>
        ))}
      </select>
      <Button variant="secondary" icon={Rocket} busy={busy} disabled={env?.current === version} onClick={deploy}>
        Deploy v{version}
      </Button>
      {error ? <Alert>{error}</Alert> : null}
    </div>
  );
}
