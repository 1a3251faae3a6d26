import { z } from "zod";

import { webhookEvents } from "@/lib/webhooks/webhook-events";

const url = z
  .string()
  .trim()
  .url("Use a full URL such as https://example.com/hooks/galley.")
  .refine((v) => /^https?:\/\//i.test(v), "Use an http:// or https:// URL.")
  .refine((v) => v.length <= 2000, "Use at most 2,000 characters.");
const events = z
  .array(z.enum(webhookEvents, { message: "Choose events from the list." }))
  .min(1, "Choose at least one event.");

export const createWebhookSchema = z.object({ url, events });
export const updateWebhookSchema = z.object({
  url: url.optional(),
  events: events.optional(),
  active: z.boolean().optional(),
});
