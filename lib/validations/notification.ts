import { z } from "zod";

import { beforeIdQuerySchema } from "@/lib/validations/pagination";

export const listNotificationsQuerySchema = beforeIdQuerySchema.extend({
  unread: z.enum(["true", "false"]).optional(),
});

/** `{ ids }` or `{ all: true }`; `read: false` marks them unread again. */
export const markNotificationsSchema = z
  .object({
    ids: z.array(z.string().min(1).max(100)).max(200).optional(),
    all: z.boolean().optional(),
    read: z.boolean().default(true),
  })
  .refine((v) => v.all || (v.ids && v.ids.length > 0), { message: "Name the notifications (ids) or send all: true." });
