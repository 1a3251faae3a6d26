// GET /api/notifications/unread – how many unread notifications you have (the top bar polls it)
import { apiRoute } from "@/lib/http/api-route";
import { countUnread } from "@/lib/notifications/list-notifications";

export const GET = apiRoute({ route: "/api/notifications/unread", auth: "user" }, async ({ user }) => ({
  unread: await countUnread({ userId: user.id }),
}));
