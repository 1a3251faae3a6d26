// POST /api/notifications/read – mark notifications read ({ ids } or { all: true }; read: false marks unread)
import { apiRoute } from "@/lib/http/api-route";
import { markNotificationsRead } from "@/lib/notifications/mark-notifications-read";
import { markNotificationsSchema } from "@/lib/validations/notification";

export const POST = apiRoute(
  { route: "/api/notifications/read", auth: "user", body: markNotificationsSchema },
  async ({ user, body }) => markNotificationsRead({ userId: user.id, ...body }),
);
