import { z } from "zod";

/** `?before=<id>`: the keyset cursor of lists paged by id (runs, API keys, deliveries, notifications). */
export const beforeIdQuerySchema = z.object({
  before: z.string().max(100, "before is an id from the previous page.").optional(),
});
