import "server-only";

import { z } from "zod";

import { decryptSecret } from "@/lib/crypto/secret-box";
import { AppError } from "@/lib/errors";
import { abortAfter } from "@/lib/net/abort-after";
import { getOutboundDispatcher } from "@/lib/net/get-outbound-dispatcher";
import { findOutboundDenial } from "@/lib/net/outbound-denied-error";
import { readBodyExcerpt } from "@/lib/net/read-body-excerpt";
import { signWebhook } from "@/lib/webhooks/sign-webhook";

import type { EvaluatorKind } from "../evaluator-kind";

/** An endpoint's answer is a verdict, not a page: more than this is refused. */
export const MAX_HTTP_ANSWER_BYTES = 64 * 1024;

const configSchema = z.object({
  url: z
    .string()
    .trim()
    .url("Use a full URL such as https://checks.example.com/evaluate.")
    .refine((v) => /^https?:\/\//i.test(v), "Use an http:// or https:// URL.")
    .refine((v) => v.length <= 2000, "Use at most 2,000 characters.")
    .describe("Galley POSTs {input, output, expected, metadata} here and expects {pass, score, reason} back."),
  timeoutMs: z
    .number()
    .int("Use whole milliseconds.")
    .min(100, "Use at least 100 ms.")
    .max(120_000, "Use at most 120,000 ms.")
    .default(10_000)
    .describe("How long to wait for the answer, in milliseconds."),
  // Set by the server when the evaluator is saved (lib/evaluators), never typed: the signing
  // secret, encrypted with lib/crypto/secret-box. readOnly keeps it out of the generated form.
  secretEncrypted: z.string().max(1_000).optional().meta({ readOnly: true }),
});

export type HttpConfig = z.output<typeof configSchema>;

const answerSchema = z.object({
  pass: z.boolean({ message: '"pass" must be true or false' }),
  score: z.number().min(0, '"score" is between 0 and 1').max(1, '"score" is between 0 and 1').optional(),
  reason: z.string().max(10_000).optional(),
});

const fail = (url: string, message: string) =>
  new AppError({ code: "unavailable", message: `The HTTP evaluator at ${url} ${message}` });

/**
 * POSTs the sample to a team's own endpoint, signed like webhooks (Galley-Signature: v1=HMAC-SHA256
 * of `${Galley-Timestamp}.${body}` with the evaluator's secret; see lib/webhooks/sign-webhook.ts),
 * through the outbound destination policy. A 2xx with {pass, score?, reason?} is the verdict (score
 * defaults to 1 or 0 by pass); a non-2xx answer, unreadable JSON, a timeout or a denied address
 * throws, so a run records the row's error and may retry. An evaluator tried before it was saved
 * has no secret yet and is sent unsigned.
 */
export const httpEvaluator: EvaluatorKind<HttpConfig> = {
  kind: "http",
  label: "HTTP endpoint",
  description: "Your own check in any language: Galley POSTs the sample to a URL and reads {pass, score, reason}.",
  group: "http",
  configSchema,
  evaluate: async ({ config, sample, ctx }) => {
    const body = JSON.stringify({
      input: sample.input,
      output: sample.output,
      expected: sample.expected,
      metadata: sample.metadata,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = config.secretEncrypted
      ? { "galley-signature": signWebhook({ secret: decryptSecret(config.secretEncrypted), timestamp, body }) }
      : {};
    const timeout = abortAfter(config.timeoutMs, ctx.signal);
    let response: Response;
    try {
      response = await fetch(config.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Galley-Evaluator/1",
          "galley-timestamp": String(timestamp),
          ...signature,
        },
        body,
        redirect: "manual",
        signal: timeout.signal,
        dispatcher: getOutboundDispatcher(),
      } as RequestInit);
    } catch (error) {
      timeout.clear();
      const denied = findOutboundDenial(error);
      if (denied) throw fail(config.url, `cannot be reached: ${denied.message}`);
      if (timeout.timedOut()) throw fail(config.url, `gave no answer within ${config.timeoutMs} ms.`);
      if ((error as Error).name === "AbortError") throw error;
      const cause = ((error as Error).cause as { message?: string } | undefined)?.message;
      throw fail(config.url, `cannot be reached: ${(error as Error).message}${cause ? ` (${cause})` : ""}.`);
    }
    // The time bounds reading the answer too.
    const text = await readBodyExcerpt({ response, maxBytes: MAX_HTTP_ANSWER_BYTES })
      .catch(() => "")
      .finally(timeout.clear);
    const excerpt = JSON.stringify(text.slice(0, 200));
    if (response.status < 200 || response.status > 299)
      throw fail(config.url, `answered ${response.status}: ${excerpt}.`);
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      // readBodyExcerpt stops at the bound, so an answer over it never parses.
      if (Buffer.byteLength(text) >= MAX_HTTP_ANSWER_BYTES)
        throw fail(
          config.url,
          `answered more than ${MAX_HTTP_ANSWER_BYTES / 1024} KB; a verdict is {pass, score, reason}.`,
        );
      throw fail(config.url, `did not answer JSON: ${excerpt}.`);
    }
    const answer = answerSchema.safeParse(value);
    if (!answer.success)
      throw fail(
        config.url,
        `answered JSON that is not {pass, score?, reason?}: ${answer.error.issues.map((i) => i.message).join("; ")}.`,
      );
    return {
      pass: answer.data.pass,
      score: answer.data.score ?? (answer.data.pass ? 1 : 0),
      ...(answer.data.reason === undefined ? {} : { reason: answer.data.reason }),
    };
  },
};
