import { z } from "zod";

import { providerKinds } from "@/lib/validations/provider-kinds";

export { providerKindLabels, providerKinds } from "@/lib/validations/provider-kinds";

const url = z
  .string()
  .trim()
  .refine((v) => URL.canParse(v) && /^https?:/.test(v), "Enter a URL starting with http:// or https://.");

const providerFields = {
  name: z.string().trim().min(1, "Name the provider.").max(60, "Use at most 60 characters."),
  kind: z.enum(providerKinds, { error: "Choose the kind of provider." }),
  baseUrl: url.optional().or(z.literal("").transform(() => undefined)),
  apiKey: z.string().trim().max(500).optional(),
  azureApiVersion: z
    .string()
    .trim()
    .max(40)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  defaultModel: z
    .string()
    .trim()
    .max(200)
    .optional()
    .or(z.literal("").transform(() => undefined)),
};

function checkKind(v: { kind: string; baseUrl?: string; azureApiVersion?: string }, ctx: z.RefinementCtx) {
  if (v.kind !== "OPENAI" && !v.baseUrl)
    ctx.addIssue({
      code: "custom",
      path: ["baseUrl"],
      message:
        v.kind === "AZURE_OPENAI"
          ? "Enter the Azure endpoint, e.g. https://my-resource.openai.azure.com."
          : "Enter the base URL, e.g. http://localhost:11434/v1.",
    });
  if (v.kind === "AZURE_OPENAI" && !v.azureApiVersion)
    ctx.addIssue({ code: "custom", path: ["azureApiVersion"], message: "Enter the API version, e.g. 2024-10-21." });
}

export const createProviderSchema = z.object(providerFields).superRefine(checkKind);
/** "" or null clears an optional setting on update. */
const clearable = (field: z.ZodType<string | undefined>) =>
  z.union([z.literal("").transform(() => null), z.null(), field]);

/**
 * PATCH: only the fields sent change, none defaulted; "" or null clears an optional setting and an
 * absent or empty apiKey keeps the stored key. The kind rules are checked on the merged result
 * (lib/providers/update-provider.ts), since a PATCH may change the kind or its URL alone.
 */
export const updateProviderSchema = z.object({
  name: providerFields.name.optional(),
  kind: providerFields.kind.optional(),
  baseUrl: clearable(url.optional()),
  apiKey: providerFields.apiKey,
  azureApiVersion: clearable(z.string().trim().max(40).optional()),
  defaultModel: clearable(z.string().trim().max(200).optional()),
});
export type ProviderChanges = z.infer<typeof updateProviderSchema>;
export type ProviderInput = z.infer<typeof createProviderSchema>;

const price = z
  .number({ error: "Enter a price in USD per million tokens." })
  .min(0, "Prices cannot be negative.")
  .max(10_000);
const priceModel = z.string().trim().min(1, "Enter the model name.").max(200);
/** PUT …/prices: `{ model, input, output }` sets the project's price; `{ model, reset: true }` removes it. */
export const setModelPriceSchema = z.union([
  z.object({ model: priceModel, reset: z.literal(true) }),
  z.object({ model: priceModel, input: price, output: price }),
]);
