"use client";

import { Pencil, Plug, Plus, Save, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { useFormChanges } from "@/components/ui/use-unsaved-changes";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { ProviderFailure } from "@/lib/providers/describe-provider-error";
import { providerOrigin } from "@/lib/providers/provider-origin";
import type { ProviderView } from "@/lib/providers/provider-view";
import { providerKindLabels, providerKinds } from "@/lib/validations/provider-kinds";

type TestResult = { ok: true; models: string[] } | { ok: false; failure: ProviderFailure };

/** Settings → Providers: connect LLM APIs once for the whole project. Keys are write-only. */
export function ProvidersClient({ projectSlug, providers }: { projectSlug: string; providers: ProviderView[] }) {
  return (
    <div className="space-y-8">
      <section aria-labelledby="providers-heading" className="space-y-3">
        <h2 id="providers-heading" className="text-base font-semibold">
          Providers
        </h2>
        {providers.length === 0 ? (
          <p className="text-muted">No providers yet. Add one below to run prompts in the playground.</p>
        ) : (
          <ul className="divide-y divide-line rounded-lg border border-line bg-surface">
            {providers.map((p) => (
              <ProviderRow key={p.id} projectSlug={projectSlug} provider={p} />
            ))}
          </ul>
        )}
      </section>
      <AddProvider projectSlug={projectSlug} />
    </div>
  );
}

function ProviderRow({ projectSlug, provider }: { projectSlug: string; provider: ProviderView }) {
  const router = useRouter();
  const [result, setResult] = useState<TestResult | null>(null);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const test = useRequest();
  const remove = useRequest();
  return (
    <li className="space-y-2 px-4 py-3" data-testid={`provider-${provider.name}`}>
      <div className="flex flex-wrap items-center gap-3">
        <span className="font-medium">{provider.name}</span>
        <span className="text-xs text-muted">{providerKindLabels[provider.kind].split(" (")[0]}</span>
        {provider.baseUrl ? <code className="text-xs text-muted">{provider.baseUrl}</code> : null}
        <span className="text-xs text-muted">key {provider.apiKeyHint ?? "none"}</span>
        <div className="ml-auto flex gap-2">
          <Button
            variant="secondary"
            icon={Plug}
            busy={test.busy}
            onClick={async () =>
              setResult(
                await test.run(() =>
                  apiFetch<TestResult>(`/api/projects/${projectSlug}/providers/${provider.id}/test`, {
                    method: "POST",
                    body: {},
                  }),
                ),
              )
            }
          >
            Test connection
          </Button>
          {provider.fromEnvironment ? null : (
            <Button variant="ghost" icon={Pencil} aria-expanded={editing} onClick={() => setEditing(!editing)}>
              Edit
            </Button>
          )}
          {provider.fromEnvironment ? null : (
            <Button variant="ghost" icon={Trash2} onClick={() => setConfirming(true)}>
              Remove
            </Button>
          )}
        </div>
      </div>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Remove ${provider.name}?`}
        description="Prompts, playground runs and evaluations set to this provider stop running until another is chosen. The stored API key is deleted: adding the provider again needs it."
        cancelLabel="Keep it"
        confirmLabel={`Remove ${provider.name}`}
        icon={Trash2}
        busy={remove.busy}
        error={remove.error}
        onConfirm={async () => {
          if (
            !(await remove.run(() =>
              apiFetch(`/api/projects/${projectSlug}/providers/${provider.id}`, { method: "DELETE" }),
            ))
          )
            return;
          setConfirming(false);
          toast.success(`${provider.name} removed.`);
          router.refresh();
        }}
      />
      {editing ? <EditProvider projectSlug={projectSlug} provider={provider} onDone={() => setEditing(false)} /> : null}
      {provider.fromEnvironment ? (
        <p className="text-xs text-muted">
          From the server&apos;s OPENAI_API_KEY{provider.baseUrl ? " and OPENAI_BASE_URL" : ""}; change it there.
        </p>
      ) : null}
      {test.error ? <Alert>{test.error}</Alert> : null}
      {result?.ok ? (
        <Alert tone="success">
          Connected. {result.models.length} model{result.models.length === 1 ? "" : "s"}:{" "}
          {result.models.slice(0, 12).join(", ")}
          {result.models.length > 12 ? "…" : ""}
        </Alert>
      ) : null}
      {result && !result.ok ? (
        <Alert>
          {result.failure.message} {result.failure.hint}
        </Alert>
      ) : null}
    </li>
  );
}

/** Edits a provider in place. The stored key stays unless a new one is entered, and only while requests go to the same host. */
function EditProvider({
  projectSlug,
  provider,
  onDone,
}: {
  projectSlug: string;
  provider: ProviderView;
  onDone: () => void;
}) {
  const router = useRouter();
  const { busy, error, fields, run } = useRequest();
  const [baseUrl, setBaseUrl] = useState(provider.baseUrl ?? "");
  const { formProps, markSaved } = useFormChanges();
  const keptFor = providerOrigin(provider);
  const goesTo = providerOrigin({ kind: provider.kind, baseUrl });
  const needsKeyAgain = Boolean(provider.apiKeyHint) && goesTo !== keptFor;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    // An absent apiKey keeps the stored one (the server refuses that when the host changed).
    const { apiKey, ...rest } = form;
    if (
      await run(() =>
        apiFetch(`/api/projects/${projectSlug}/providers/${provider.id}`, {
          method: "PATCH",
          body: { ...rest, kind: provider.kind, ...(apiKey ? { apiKey } : {}) },
        }),
      )
    ) {
      markSaved();
      toast.success(`${rest.name || provider.name} saved.`);
      onDone();
      router.refresh();
    }
  }

  return (
    <form
      {...formProps}
      onSubmit={onSubmit}
      className="max-w-xl space-y-3 rounded-md border border-line p-4"
      noValidate
      aria-label={`Edit ${provider.name}`}
    >
      <TextField label="Name" name="name" defaultValue={provider.name} error={fields.name} />
      {provider.kind !== "OPENAI" ? (
        <TextField
          label={provider.kind === "AZURE_OPENAI" ? "Endpoint" : "Base URL"}
          name="baseUrl"
          value={baseUrl}
          onChange={(e) => setBaseUrl(e.target.value)}
          error={fields.baseUrl}
        />
      ) : null}
      {provider.kind === "AZURE_OPENAI" ? (
        <TextField
          label="API version"
          name="azureApiVersion"
          defaultValue={provider.azureApiVersion ?? ""}
          error={fields.azureApiVersion}
        />
      ) : null}
      <TextField
        label="API key"
        name="apiKey"
        type="password"
        autoComplete="off"
        error={fields.apiKey}
        hint={
          needsKeyAgain
            ? `Requests would now go to ${goesTo ?? "another host"}: enter the key again. The stored key (${provider.apiKeyHint}) is only sent to ${keptFor}. For a server that needs no key, remove this provider and add it again.`
            : provider.apiKeyHint
              ? `Leave empty to keep the stored key (${provider.apiKeyHint}). Pointing the provider at another host needs the key again.`
              : "No key stored. Leave empty for local servers that need none."
        }
      />
      <TextField
        label="Default model"
        name="defaultModel"
        defaultValue={provider.defaultModel ?? ""}
        error={fields.defaultModel}
      />
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" busy={busy} icon={Save}>
          Save
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

function AddProvider({ projectSlug }: { projectSlug: string }) {
  const router = useRouter();
  const [kind, setKind] = useState<(typeof providerKinds)[number]>("OPENAI");
  const { busy, error, fields, run } = useRequest();
  const { formProps, markSaved } = useFormChanges();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = Object.fromEntries(new FormData(formElement)) as Record<string, string>;
    if (await run(() => apiFetch(`/api/projects/${projectSlug}/providers`, { body: { ...form, kind } }))) {
      toast.success(`${form.name} added.`);
      formElement.reset();
      markSaved();
      router.refresh();
    }
  }

  return (
    <form
      {...formProps}
      onSubmit={onSubmit}
      className="max-w-xl space-y-4 rounded-lg border border-line bg-surface p-5"
      noValidate
      aria-labelledby="add-provider"
    >
      <h2 id="add-provider" className="text-base font-semibold">
        Add a provider
      </h2>
      <SelectField label="Kind" name="kindSelect" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        {providerKinds.map((k) => (
          <option key={k} value={k}>
            {providerKindLabels[k]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Name"
        name="name"
        placeholder={kind === "OPENAI" ? "OpenAI" : kind === "AZURE_OPENAI" ? "Azure (EU)" : "Local Ollama"}
        error={fields.name}
      />
      {kind !== "OPENAI" ? (
        <TextField
          label={kind === "AZURE_OPENAI" ? "Endpoint" : "Base URL"}
          name="baseUrl"
          placeholder={kind === "AZURE_OPENAI" ? "https://my-resource.openai.azure.com" : "http://localhost:11434/v1"}
          error={fields.baseUrl}
        />
      ) : null}
      {kind === "AZURE_OPENAI" ? (
        <TextField label="API version" name="azureApiVersion" placeholder="2024-10-21" error={fields.azureApiVersion} />
      ) : null}
      <TextField
        label="API key"
        name="apiKey"
        type="password"
        autoComplete="off"
        error={fields.apiKey}
        hint="Stored encrypted; only its last 4 characters are shown again. Leave empty for local servers that need none."
      />
      <TextField label="Default model" name="defaultModel" placeholder="gpt-4o-mini" error={fields.defaultModel} />
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" busy={busy} icon={Plus}>
        Add provider
      </Button>
    </form>
  );
}
