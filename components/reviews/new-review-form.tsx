"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";

type Props = {
  projectSlug: string;
  prompt: { id: string; name: string };
  versions: Array<{ number: number; message: string }>;
  initialVersion: number;
  environments: Array<{
    slug: string;
    name: string;
    protected: boolean;
    requiredApprovals: number;
    current: number | null;
  }>;
  initialEnvironment: string;
  reviewers: Array<{ id: string; name: string; email: string; role: string }>;
};

export function NewReviewForm(props: Props) {
  const router = useRouter();
  const { busy, error, fields, run } = useRequest();
  const [version, setVersion] = useState(props.initialVersion);
  const [environment, setEnvironment] = useState(props.initialEnvironment);
  const [chosen, setChosen] = useState<string[]>(props.reviewers.length === 1 ? [props.reviewers[0]!.id] : []);
  const env = props.environments.find((e) => e.slug === environment);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const created = await run(
      () =>
        apiFetch<{ href: string }>(`/api/projects/${props.projectSlug}/reviews`, {
          body: {
            promptId: props.prompt.id,
            version,
            environment,
            reviewerIds: chosen,
            title: form.get("title"),
            description: form.get("description"),
          },
        }),
      { navigating: true },
    );
    if (!created) return;
    toast.success(`Review requested for version ${version}`);
    router.push(created.href);
  }

  if (!props.reviewers.length) {
    return (
      <Alert>
        No one else in this project may approve reviews. Ask an admin to give a member the reviewer role (Settings →
        Members).
      </Alert>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-4 rounded-lg border border-line bg-surface p-5" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="Version"
          value={version}
          onChange={(e) => setVersion(Number(e.target.value))}
          error={fields.version}
        >
          {props.versions.map((v) => (
            <option key={v.number} value={v.number}>
              v{v.number} – {v.message}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Promote to"
          value={environment}
          onChange={(e) => setEnvironment(e.target.value)}
          error={fields.environment}
          hint={
            env
              ? `${env.name} runs ${env.current ? `v${env.current}` : "nothing"} now${env.protected ? `; protected, needs ${env.requiredApprovals} approval${env.requiredApprovals === 1 ? "" : "s"}` : ""}.`
              : undefined
          }
        >
          {props.environments.map((e) => (
            <option key={e.slug} value={e.slug}>
              {e.name}
              {e.protected ? " (protected)" : ""}
            </option>
          ))}
        </SelectField>
      </div>
      {env?.current === version ? (
        <Alert tone="info">
          {env.name} already runs v{version}; choose another version or environment.
        </Alert>
      ) : null}
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Reviewers</legend>
        <div className="grid gap-1 sm:grid-cols-2" aria-invalid={fields.reviewerIds ? true : undefined}>
          {props.reviewers.map((r) => (
            <label key={r.id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-subtle">
              <input
                type="checkbox"
                checked={chosen.includes(r.id)}
                onChange={(e) => setChosen(e.target.checked ? [...chosen, r.id] : chosen.filter((id) => id !== r.id))}
              />
              <span>{r.name}</span>
              <span className="truncate text-xs text-muted">
                {r.email} · {r.role.toLowerCase()}
              </span>
            </label>
          ))}
        </div>
        {fields.reviewerIds ? (
          <p role="alert" className="text-xs text-danger">
            {fields.reviewerIds}
          </p>
        ) : (
          <p className="text-xs text-muted">
            They are notified and see the diff against what the environment runs now.
          </p>
        )}
      </fieldset>
      <TextField
        label="Title"
        name="title"
        placeholder={`${props.prompt.name} to ${env?.name ?? "…"}`}
        error={fields.title}
        hint="Optional; the default names the prompt and the environment."
      />
      <div className="space-y-1">
        <label htmlFor="review-description" className="block text-sm font-medium">
          Message
        </label>
        <textarea
          id="review-description"
          name="description"
          rows={5}
          className="w-full rounded-md border border-line bg-canvas px-3 py-2 text-sm"
          placeholder="What changed and why. Markdown works; @handle mentions a member."
          aria-invalid={fields.description ? true : undefined}
        />
        {fields.description ? (
          <p role="alert" className="text-xs text-danger">
            {fields.description}
          </p>
        ) : null}
      </div>
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" busy={busy}>
        Request review
      </Button>
    </form>
  );
}
