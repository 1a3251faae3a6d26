// POST /api/notifications/read – mark notifications read ({ ids } or { all: true }; read: false marks unread)
import { z } from "zod";
import { apiRoute, parseBody, requireUser } from "@/lib/http/api-route";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";

const bodySchema = z
  .object({ ids: z.array(z.string().min(1)).max(200).optional(), all: z.boolean().optional(), read: z.boolean().default(true) })
  .refine((v) => v.all || (v.ids && v.ids.length > 0), { message: "Name the notifications (ids) or send all: true." });

export const POST = apiRoute(async ({ req, user }) => {
  const me = requireUser(user);
  const body = await parseBody(req, bodySchema);
  return markNotificationsRead({ userId: me.id, ...body });
});
