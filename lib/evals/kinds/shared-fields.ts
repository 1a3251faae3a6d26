import { z } from "zod";

// Options several kinds share, worded once so the generated forms say the same thing everywhere.
export const trimField = z.boolean().default(true).describe("Ignore spaces and line breaks at both ends.");
export const ignoreCaseField = z.boolean().default(false).describe("Treat upper and lower case as equal.");
export const allowFenceField = z
  .boolean()
  .default(false)
  .describe("Accept JSON wrapped in a Markdown code fence (```json … ```).");
