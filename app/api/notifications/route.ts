// GET /api/notifications – your inbox, newest first, with the unread count
import { apiRoute } from "@/lib/http/api-route";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listNotificationsQuerySchema } from "@/lib/validations/notification";

export const GET = apiRoute(
  { route: "/api/notifications", auth: "user", query: listNotificationsQuerySchema },
  async ({ user, query }) =>
    listNotifications({ userId: user.id, before: query.before, unreadOnly: query.unread === "true" }),
);
