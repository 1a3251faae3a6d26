import { z } from "zod";

export const apiKeyScopes = ["prompts:read", "prompts:write"] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key after the app or script that uses it.")
    .max(80, "Use at most 80 characters."),
  scopes: z
    .array(z.enum(apiKeyScopes, { message: "Scopes are prompts:read and prompts:write." }))
    .min(1, "Choose at least one scope."),
  /** ISO date-time; omitted or null: the key does not expire. */
  expiresAt: z
    .string()
    .datetime({ offset: true, message: "Use a date and time such as 2027-01-31T00:00:00Z." })
    .nullish()
    .refine((v) => !v || Date.parse(v) > Date.now(), "The expiry must be in the future."),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;
