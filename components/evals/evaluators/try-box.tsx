"use client";

import { CheckCircle2, Play, XCircle } from "lucide-react";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Icon } from "@/components/ui/icon";
import { ApiError, apiFetch } from "@/lib/client/api-fetch";
import { useRequest } from "@/lib/client/use-request";
import type { EvalVerdict } from "@/lib/evals/evaluator-kind";

import { TextAreaField } from "./config-form";

type TryAnswer = { verdict: EvalVerdict; error: null } | { verdict: null; error: string };

/**
 * "Try it": scores a sample output on the spot with the settings as they stand in the form (unsaved)
 * or with the saved evaluator. Judges and HTTP evaluators really call out.
 */
export function TryBox(props: {
  projectSlug: string;
  /** The evaluator as the form holds it; null when the form cannot be read yet. */
  evaluator: { kind: string; config: Record<string, unknown>; negate: boolean; weight: number } | null;
  /** Problems the form's settings have (shown beside their fields by the caller). */
  onFieldErrors: (errors: Record<string, string>) => void;
}) {
  const [output, setOutput] = useState("");
  const [expected, setExpected] = useState("");
  const [input, setInput] = useState("{}");
  const [inputError, setInputError] = useState<string>();
  const [answer, setAnswer] = useState<TryAnswer | null>(null);
  const request = useRequest();

  async function run() {
    let values: unknown;
    try {
      values = JSON.parse(input || "{}");
    } catch {
      setInputError('Enter the variables as a JSON object, e.g. {"question": "…"}.');
      return;
    }
    setInputError(undefined);
    if (!props.evaluator) return;
    let fields: Record<string, string> = {};
    const result = await request.run(() =>
      apiFetch<TryAnswer>(`/api/projects/${props.projectSlug}/evaluators/try`, {
        body: {
          evaluator: props.evaluator,
          sample: { output, expected: expected === "" ? null : expected, input: values },
        },
      }).catch((error: unknown) => {
        fields = error instanceof ApiError ? error.fields : {};
        throw error;
      }),
    );
    // The settings' problems come back as evaluator.config.<field>: the form shows them by its fields.
    props.onFieldErrors(
      Object.fromEntries(Object.entries(fields).map(([path, message]) => [path.replace(/^evaluator\./, ""), message])),
    );
    setAnswer(result);
  }

  const sampleError =
    request.fields["sample.output"] ?? request.fields["sample.expected"] ?? request.fields["sample.input"];
  return (
    <section aria-label="Try it" className="space-y-3 rounded-lg border border-line p-4">
      <h2 className="font-semibold">Try it</h2>
      <p className="text-xs text-muted">Score an example answer with the settings above before saving.</p>
      <TextAreaField label="Output" value={output} onChange={setOutput} hint="The answer to score." />
      <TextAreaField
        label="Expected output (optional)"
        value={expected}
        onChange={setExpected}
        rows={2}
        hint="What a dataset row would expect."
      />
      <TextAreaField label="Input variables, as JSON" value={input} onChange={setInput} rows={2} error={inputError} />
      {sampleError ? <Alert>{sampleError}</Alert> : null}
      {request.error ? <Alert>{request.error}</Alert> : null}
      <Button
        type="button"
        variant="secondary"
        icon={Play}
        busy={request.busy}
        onClick={run}
        disabled={!props.evaluator}
      >
        Score it
      </Button>
      {answer ? (
        answer.verdict ? (
          <div role="status" className="space-y-1 rounded-md bg-subtle p-3 text-sm" data-testid="try-verdict">
            <p
              className={`flex items-center gap-2 font-medium ${answer.verdict.pass ? "text-success" : "text-danger"}`}
            >
              <Icon icon={answer.verdict.pass ? CheckCircle2 : XCircle} />
              {answer.verdict.pass ? "Pass" : "Fail"} · score {answer.verdict.score.toFixed(2)}
            </p>
            {answer.verdict.reason ? <p className="whitespace-pre-wrap">{answer.verdict.reason}</p> : null}
            {answer.verdict.costUsd !== undefined ? (
              <p className="text-xs text-muted">
                Judge: {answer.verdict.inputTokens ?? "?"} + {answer.verdict.outputTokens ?? "?"} tokens, $
                {answer.verdict.costUsd.toFixed(6)}
              </p>
            ) : null}
          </div>
        ) : (
          <Alert>{answer.error}</Alert>
        )
      ) : null}
    </section>
  );
}
