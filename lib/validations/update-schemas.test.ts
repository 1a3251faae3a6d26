// The PATCH rule, checked on every update schema in lib/validations: a field the request leaves
// out stays out of the parsed changes. zod 4 applies `.default()` even inside `.partial()` or
// `.optional()`, so a default here would be written over the stored value on every PATCH.
import { describe, expect, it } from "vitest";
import type { z } from "zod";

import { evalModelOverridesSchema } from "./eval-run";
import { runRequestSchema } from "./run";

const modules = import.meta.glob<Record<string, unknown>>(["./*.ts", "!./*.test.ts"], { eager: true });
const updateSchemas = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([name]) => /^update\w*Schema$/.test(name))
    .map(([name, schema]) => [`${file.replace("./", "")} ${name}`, schema as z.ZodType] as const),
);

describe("update schemas", () => {
  it("are found", () => {
    expect(updateSchemas.map(([name]) => name)).toEqual(
      expect.arrayContaining([
        "environment.ts updateEnvironmentSchema",
        "prompt.ts updatePromptSchema",
        "provider.ts updateProviderSchema",
        "webhook.ts updateWebhookSchema",
      ]),
    );
  });

  it.each(updateSchemas)("%s fills in nothing the request left out", (_, schema) => {
    const parsed = schema.safeParse({});
    // Refusing an empty change is fine; inventing values is not.
    if (parsed.success) expect(parsed.data).toEqual({});
  });

  it("run setting overrides fill in nothing either (they are spread over the version's settings)", () => {
    const parsed = runRequestSchema.parse({ source: { version: 1 }, providerId: "p", settings: {} });
    expect(parsed.settings).toEqual({});
  });

  it("eval-run setting overrides fill in nothing either (they are laid over each column's settings)", () => {
    expect(evalModelOverridesSchema.parse({ settings: {} }).settings).toEqual({});
    expect(evalModelOverridesSchema.parse({ settings: { temperature: 0.2 } }).settings).toEqual({ temperature: 0.2 });
  });
});
