"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions } from "@/components/ui/dialog";
import { SelectField, TextField } from "@/components/ui/field";
import { toast } from "@/components/ui/lazy-toast";
import { apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { EvalRunChoices } from "@/lib/eval-results/list-eval-run-choices";

const DRAFT = "draft";

/**
 * "New evaluation": a prompt's version (or the viewer's draft) over a dataset version, scored by the
 * chosen evaluators, beside what an environment runs now. Every choice survives a refused submit,
 * and each problem shows beside its field.
 */
export function NewEvalRunForm({ projectSlug, choices }: { projectSlug: string; choices: EvalRunChoices }) {
  const router = useRouter();
  const { busy, error, fields, run } = useRequest();
  const [open, setOpen] = useState(false);
  const [promptId, setPromptId] = useState(choices.prompts[0]?.id ?? "");
  const prompt = choices.prompts.find((p) => p.id === promptId);
  const [candidate, setCandidate] = useState<string>("");
  const [baseline, setBaseline] = useState(
    choices.environments.some((e) => e.slug === "production") ? "production" : "",
  );
  const [datasetId, setDatasetId] = useState(choices.datasets[0]?.id ?? "");
  const dataset = choices.datasets.find((d) => d.id === datasetId);
  const [datasetVersion, setDatasetVersion] = useState("");
  const [evaluatorIds, setEvaluatorIds] = useState<string[]>([]);
  const [providerId, setProviderId] = useState("");
  const [model, setModel] = useState("");

  // The candidate follows the prompt: its latest version unless a choice for this prompt was made.
  const candidateValue =
    candidate && (candidate === DRAFT ? prompt?.draft : Number(candidate) <= (prompt?.latestVersion ?? 0))
      ? candidate
      : prompt?.latestVersion
        ? String(prompt.latestVersion)
        : prompt?.draft
          ? DRAFT
          : "";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const overrides = {
      ...(providerId ? { providerId } : {}),
      ...(model.trim() ? { model: model.trim() } : {}),
    };
    const started = await run(
      () =>
        apiFetch<{ number: number }>(`/api/projects/${projectSlug}/eval-runs`, {
          body: {
            promptId,
            candidate:
              candidateValue === DRAFT ? { content: prompt?.draft } : { version: Number(candidateValue) || undefined },
            baseline: baseline || null,
            datasetId,
            ...(datasetVersion ? { datasetVersion: Number(datasetVersion) } : {}),
            evaluatorIds,
            ...(Object.keys(overrides).length ? { modelOverrides: overrides } : {}),
          },
        }),
      { navigating: true },
    );
    if (!started) return;
    toast.success(`Evaluation run #${started.number} started`);
    router.push(`/p/${projectSlug}/evals/${started.number}`);
  }

  const missing = [
    choices.prompts.length ? null : "a prompt (Prompts → New prompt)",
    choices.datasets.length ? null : "a dataset with a saved version (Datasets)",
    choices.evaluators.length ? null : "an evaluator (Evaluators)",
  ].filter(Boolean);

  return (
    <>
      <Button icon={Plus} onClick={() => setOpen(true)}>
        New evaluation
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="New evaluation"
        description="Run a version over a dataset, score each row with your evaluators, and compare with what an environment runs now."
        data-testid="new-eval-run"
      >
        {missing.length ? (
          <Alert tone="info">An evaluation needs {missing.join(", ")} first.</Alert>
        ) : (
          <form onSubmit={submit} className="space-y-3" noValidate>
            <SelectField
              label="Prompt"
              value={promptId}
              onChange={(e) => setPromptId(e.target.value)}
              error={fields.promptId}
            >
              {choices.prompts.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </SelectField>
            <SelectField
              label="Candidate"
              value={candidateValue}
              onChange={(e) => setCandidate(e.target.value)}
              error={fields.candidate ?? fields["candidate.version"] ?? fields["candidate.content"]}
              hint={
                prompt && !prompt.latestVersion && !prompt.draft
                  ? "This prompt has no version or draft yet."
                  : undefined
              }
            >
              {prompt?.draft ? <option value={DRAFT}>Your latest draft</option> : null}
              {Array.from({ length: prompt?.latestVersion ?? 0 }, (_, i) => (prompt?.latestVersion ?? 0) - i).map(
                (n) => (
                  <option key={n} value={n}>
                    v{n}
                  </option>
                ),
              )}
            </SelectField>
            <SelectField
              label="Baseline"
              value={baseline}
              onChange={(e) => setBaseline(e.target.value)}
              error={fields.baseline}
              hint="The version this environment runs now is run over the same rows, for the deltas and regressions."
            >
              <option value="">No baseline</option>
              {choices.environments.map((e) => (
                <option key={e.slug} value={e.slug}>
                  {e.name}
                </option>
              ))}
            </SelectField>
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label="Dataset"
                value={datasetId}
                onChange={(e) => {
                  setDatasetId(e.target.value);
                  setDatasetVersion("");
                }}
                error={fields.datasetId}
              >
                {choices.datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </SelectField>
              <SelectField
                label="Dataset version"
                value={datasetVersion}
                onChange={(e) => setDatasetVersion(e.target.value)}
                error={fields.datasetVersion}
              >
                <option value="">Latest (v{dataset?.latestVersion ?? "–"})</option>
                {Array.from({ length: dataset?.latestVersion ?? 0 }, (_, i) => (dataset?.latestVersion ?? 0) - i).map(
                  (n) => (
                    <option key={n} value={n}>
                      v{n}
                    </option>
                  ),
                )}
              </SelectField>
            </div>
            <fieldset className="space-y-1">
              <legend className="text-sm font-medium">Evaluators</legend>
              <div className="grid max-h-40 gap-1 overflow-y-auto sm:grid-cols-2">
                {choices.evaluators.map((e) => (
                  <label key={e.id} className="flex items-center gap-2 rounded px-1 py-0.5 hover:bg-subtle">
                    <input
                      type="checkbox"
                      checked={evaluatorIds.includes(e.id)}
                      onChange={(event) =>
                        setEvaluatorIds(
                          event.target.checked ? [...evaluatorIds, e.id] : evaluatorIds.filter((id) => id !== e.id),
                        )
                      }
                    />
                    <span>{e.name}</span>
                    <span className="truncate text-xs text-muted">{e.kind}</span>
                  </label>
                ))}
              </div>
              {fields.evaluatorIds ? (
                <p role="alert" className="text-xs text-danger">
                  {fields.evaluatorIds}
                </p>
              ) : null}
            </fieldset>
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label="Provider override"
                value={providerId}
                onChange={(e) => setProviderId(e.target.value)}
                error={fields["modelOverrides.providerId"]}
              >
                <option value="">Each version&apos;s own</option>
                {choices.providers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Model override"
                value={model}
                onChange={(e) => setModel(e.target.value)}
                placeholder="Each version's own"
                error={fields["modelOverrides.model"]}
              />
            </div>
            {error ? <Alert>{error}</Alert> : null}
            <DialogActions>
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button type="submit" busy={busy}>
                Start evaluation
              </Button>
            </DialogActions>
          </form>
        )}
      </Dialog>
    </>
  );
}
