"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { Time } from "@/components/ui/time";

type Created = { id: string; name: string; prefix: string; secret: string };
const expiries = [
  { value: "", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

/** Settings → API keys: create (the secret is shown once), list, revoke. */
export function ApiKeysClient({ projectSlug, origin, keys, nextBefore }: { projectSlug: string; origin: string; keys: ApiKeyView[]; nextBefore: string | null }) {
  const router = useRouter();
  const create = useRequest();
  const revoke = useRequest();
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [scopes, setScopes] = useState<string[]>(["prompts:read"]);
  const api = `/api/projects/${projectSlug}/api-keys`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get("expires") || 0);
    const result = await create.run(() => apiFetch<Created>(api, { body: { name: form.get("name"), scopes, expiresAt: days ? new Date(Date.now() + days * 86_400_000).toISOString() : null } }));
    if (result) {
      setCreated(result);
      setCopied(false);
      (event.target as HTMLFormElement).reset();
      router.refresh();
    }
  }

  return (
    <div className="space-y-8">
      <form onSubmit={submit} aria-label="Create an API key" className="space-y-4 rounded-lg border border-line bg-surface p-5" noValidate>
        <h2 className="text-base font-semibold">Create an API key</h2>
        <p className="text-muted">Applications and scripts use a key to read deployed prompts ({"/api/prompts/…"}) and, with write access, to save versions.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Name" name="name" placeholder="support-bot production" error={create.fields.name} hint="Name it after what uses it, so you know what breaks if you revoke it." />
          <SelectField label="Expires" name="expires" defaultValue="" error={create.fields.expiresAt}>
            {expiries.map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </SelectField>
        </div>
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Access</legend>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={scopes.includes("prompts:read")} onChange={(e) => setScopes(e.target.checked ? [...scopes, "prompts:read"] : scopes.filter((s) => s !== "prompts:read"))} /> prompts:read – fetch and render deployed prompts
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={scopes.includes("prompts:write")} onChange={(e) => setScopes(e.target.checked ? [...scopes, "prompts:write"] : scopes.filter((s) => s !== "prompts:write"))} /> prompts:write – save versions and deploy to unprotected environments
          </label>
          {create.fields.scopes ? (
            <p role="alert" className="text-xs text-danger">
              {create.fields.scopes}
            </p>
          ) : null}
        </fieldset>
        {create.error ? <Alert>{create.error}</Alert> : null}
        <Button type="submit" busy={create.busy}>
          Create key
        </Button>
      </form>

      {created ? (
        <section aria-label="New API key" className="space-y-3 rounded-lg border border-success/40 bg-surface p-5" data-testid="new-api-key">
          <h2 className="text-base font-semibold">Copy the key “{created.name}” now</h2>
          <p className="text-muted">This is the only time it is shown; Galley keeps only a hash. If you lose it, revoke it and create another.</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 flex-1 break-all rounded bg-canvas px-3 py-2 font-mono text-sm" data-testid="api-key-secret">
              {created.secret}
            </code>
            <Button
              variant="secondary"
              onClick={() =>
                void navigator.clipboard.writeText(created.secret).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <pre className="overflow-auto rounded bg-canvas p-3 text-xs">{`curl -H "Authorization: Bearer ${created.secret}" \\\n  ${origin}/api/prompts/<prompt-name>?environment=production`}</pre>
          <Button variant="ghost" onClick={() => setCreated(null)}>
            Done
          </Button>
        </section>
      ) : null}

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-base font-semibold">
          Keys
        </h2>
        {revoke.error ? <Alert>{revoke.error}</Alert> : null}
        {keys.length === 0 ? (
          <p className="rounded-lg border border-dashed border-line bg-surface p-6 text-center text-muted">No keys yet. Create one above for each app or script that reads prompts.</p>
        ) : (
          <table className="w-full rounded-lg border border-line bg-surface text-left text-sm" data-testid="api-keys">
            <thead className="border-b border-line text-xs text-muted">
              <tr>
                <th className="px-3 py-2 font-medium">Name</th>
                <th className="px-3 py-2 font-medium">Key</th>
                <th className="px-3 py-2 font-medium">Access</th>
                <th className="px-3 py-2 font-medium">Created</th>
                <th className="px-3 py-2 font-medium">Last used</th>
                <th className="px-3 py-2 font-medium">Expires</th>
                <th className="px-3 py-2" />
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => {
                const expired = k.expired;
                return (
                  <tr key={k.id} className={`border-b border-line last:border-0 ${k.revokedAt || expired ? "text-muted" : ""}`} data-testid={`api-key-${k.prefix}`}>
                    <td className="px-3 py-2">{k.name}</td>
                    <td className="px-3 py-2 font-mono text-xs">{k.prefix}…</td>
                    <td className="px-3 py-2 text-xs">{k.scopes.join(", ")}</td>
                    <td className="px-3 py-2 text-xs">
                      {k.createdBy}, <Time value={k.createdAt} />
                    </td>
                    <td className="px-3 py-2 text-xs">{k.lastUsedAt ? <Time value={k.lastUsedAt} /> : "Never"}</td>
                    <td className="px-3 py-2 text-xs">{k.expiresAt ? (
                        <>
                          {expired ? "Expired " : "Expires "}
                          <Time value={k.expiresAt} format="date" />
                        </>
                      ) : (
                        "Never"
                      )}</td>
                    <td className="px-3 py-2 text-right">
                      {k.revokedAt ? (
                        <span className="text-xs">Revoked <Time value={k.revokedAt} /></span>
                      ) : confirming === k.id ? (
                        <span className="flex items-center justify-end gap-2">
                          <Button
                            variant="danger"
                            busy={revoke.busy}
                            onClick={async () => {
                              if (await revoke.run(() => apiFetch(`${api}/${k.id}`, { method: "DELETE" }))) {
                                setConfirming(null);
                                router.refresh();
                              }
                            }}
                          >
                            Revoke now
                          </Button>
                          <Button variant="ghost" onClick={() => setConfirming(null)}>
                            Keep
                          </Button>
                        </span>
                      ) : (
                        <Button variant="ghost" onClick={() => setConfirming(k.id)} title="Apps using this key get 401 at once">
                          Revoke
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {nextBefore ? (
          <Link href={`?before=${nextBefore}`} className={buttonClass("secondary")}>
            Older keys
          </Link>
        ) : null}
      </section>
    </div>
  );
}
