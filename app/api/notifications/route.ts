// GET /api/notifications – your inbox, newest first, with the unread count
import { z } from "zod";
import { apiRoute, parseQuery, requireUser } from "@/lib/http/api-route";
import { listNotifications } from "@/lib/notifications/list-notifications";

const querySchema = z.object({ before: z.string().optional(), unread: z.enum(["true", "false"]).optional() });

export const GET = apiRoute(async ({ req, user }) => {
  const me = requireUser(user);
  const query = parseQuery(req, querySchema);
  return listNotifications({ userId: me.id, before: query.before, unreadOnly: query.unread === "true" });
});
