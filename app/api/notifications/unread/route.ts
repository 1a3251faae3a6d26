// GET /api/notifications/unread – how many unread notifications you have (the top bar polls it)
import { apiRoute, requireUser } from "@/lib/http/api-route";
import { countUnread } from "@/lib/notifications/list-notifications";

export const GET = apiRoute(async ({ user }) => ({ unread: await countUnread({ userId: requireUser(user).id }) }));
