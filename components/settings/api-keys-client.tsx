"use client";

import { KeyRound, Trash2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { SecretPanel } from "@/components/ui/secret-panel";
import { Table, TableCell, TableRow } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import type { ApiKeyView } from "@/lib/api-keys/list-api-keys";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

type Created = { id: string; name: string; prefix: string; secret: string };
const expiries = [
  { value: "", label: "Never" },
  { value: "30", label: "In 30 days" },
  { value: "90", label: "In 90 days" },
  { value: "365", label: "In a year" },
];

/** Settings → API keys: create (the secret is shown once), list, revoke. */
export function ApiKeysClient({
  projectSlug,
  origin,
  keys,
  nextBefore,
}: {
  projectSlug: string;
  origin: string;
  keys: ApiKeyView[];
  nextBefore: string | null;
}) {
  const router = useRouter();
  const create = useRequest();
  const revoke = useRequest();
  const [created, setCreated] = useState<Created | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [scopes, setScopes] = useState<string[]>(["prompts:read"]);
  const { formProps, markSaved } = useFormChanges();
  const api = `/api/projects/${projectSlug}/api-keys`;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const days = Number(form.get("expires") || 0);
    const result = await create.run(() =>
      apiFetch<Created>(api, {
        body: {
          name: form.get("name"),
          scopes,
          expiresAt: days ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
        },
      }),
    );
    if (result) {
      setCreated(result);
      (event.target as HTMLFormElement).reset();
      markSaved();
      router.refresh();
    }
  }

  return (
    <div className="space-y-8">
      <form
        {...formProps}
        onSubmit={submit}
        aria-label="Create an API key"
        className="space-y-4 rounded-lg border border-line bg-surface p-5"
        noValidate
      >
        <h2 className="text-base font-semibold">Create an API key</h2>
        <p className="text-muted">
          Applications and scripts use a key to read deployed prompts ({"/api/prompts/…"}) and, with write access, to
          save versions. The{" "}
          <Link className="text-accent underline underline-offset-2" href="/docs/api">
            API reference
          </Link>{" "}
          shows every call with examples.
        </p>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Name"
            name="name"
            placeholder="support-bot production"
            error={create.fields.name}
            hint="Name it after what uses it, so you know what breaks if you revoke it."
          />
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
            <input
              type="checkbox"
              checked={scopes.includes("prompts:read")}
              onChange={(e) =>
                setScopes(e.target.checked ? [...scopes, "prompts:read"] : scopes.filter((s) => s !== "prompts:read"))
              }
            />{" "}
            prompts:read – fetch and render deployed prompts
          </label>
          <label className="flex items-center gap-2">
            <input
              type="checkbox"
              checked={scopes.includes("prompts:write")}
              onChange={(e) =>
                setScopes(e.target.checked ? [...scopes, "prompts:write"] : scopes.filter((s) => s !== "prompts:write"))
              }
            />{" "}
            prompts:write – save versions and deploy to unprotected environments
          </label>
          {create.fields.scopes ? (
            <p role="alert" className="text-xs text-danger">
              {create.fields.scopes}
            </p>
          ) : null}
        </fieldset>
        {create.error ? <Alert>{create.error}</Alert> : null}
        <Button type="submit" busy={create.busy} icon={KeyRound}>
          Create key
        </Button>
      </form>

      {created ? (
        <SecretPanel
          label="New API key"
          data-testid="new-api-key"
          title={<>Copy the key “{created.name}” now</>}
          note="Galley keeps only a hash. If you lose it, revoke it and create another."
          secret={created.secret}
          secretTestId="api-key-secret"
          onDone={() => setCreated(null)}
        >
          <pre className="overflow-auto rounded bg-canvas p-3 text-xs">{`curl -H "Authorization: Bearer ${created.secret}" \\\n  ${origin}/api/prompts/<prompt-name>?environment=production`}</pre>
        </SecretPanel>
      ) : null}

      <section aria-labelledby="keys-heading" className="space-y-3">
        <h2 id="keys-heading" className="text-base font-semibold">
          Keys
        </h2>
        <Table
          columns={[
            "Name",
            "Key",
            "Access",
            { label: "Created", kind: "time" },
            { label: "Last used", kind: "time" },
            { label: "Expires", kind: "time" },
            { label: "Actions", kind: "actions", hidden: true },
          ]}
          empty="No keys yet. Create one above for each app or script that reads prompts."
          data-testid="api-keys"
        >
          {keys.map((k) => (
            <TableRow
              key={k.id}
              className={k.revokedAt || k.expired ? "text-muted" : ""}
              data-testid={`api-key-${k.prefix}`}
            >
              <TableCell>{k.name}</TableCell>
              <TableCell kind="mono">{k.prefix}…</TableCell>
              <TableCell className="text-xs">{k.scopes.join(", ")}</TableCell>
              <TableCell kind="time" className="text-xs">
                {k.createdBy}, <Time value={k.createdAt} />
              </TableCell>
              <TableCell kind="time" className="text-xs">
                {k.lastUsedAt ? <Time value={k.lastUsedAt} /> : "Never"}
              </TableCell>
              <TableCell kind="time" className="text-xs">
                {k.expiresAt ? (
                  <>
                    {k.expired ? "Expired " : "Expires "}
                    <Time value={k.expiresAt} format="date" />
                  </>
                ) : (
                  "Never"
                )}
              </TableCell>
              <TableCell kind="actions">
                {k.revokedAt ? (
                  <span className="text-xs">
                    Revoked <Time value={k.revokedAt} />
                  </span>
                ) : (
                  <>
                    <Button
                      variant="ghost"
                      icon={Trash2}
                      onClick={() => setConfirming(k.id)}
                      title="Apps using this key get 401 at once"
                    >
                      Revoke
                    </Button>
                    <ConfirmDialog
                      open={confirming === k.id}
                      onOpenChange={(open) => setConfirming(open ? k.id : null)}
                      title={`Revoke the key “${k.name}”?`}
                      description="Apps and scripts using it get 401 at once. This cannot be undone: create a new key to give access again."
                      cancelLabel="Keep"
                      confirmLabel="Revoke now"
                      icon={Trash2}
                      busy={revoke.busy}
                      error={revoke.error}
                      onConfirm={async () => {
                        if (await revoke.run(() => apiFetch(`${api}/${k.id}`, { method: "DELETE" }))) {
                          setConfirming(null);
                          toast.success(`Key “${k.name}” revoked.`);
                          router.refresh();
                        }
                      }}
                    />
                  </>
                )}
              </TableCell>
            </TableRow>
          ))}
        </Table>
        {nextBefore ? (
          <Link href={`?before=${nextBefore}`} className={buttonClass("secondary")}>
            Older keys
          </Link>
        ) : null}
      </section>
    </div>
  );
}
