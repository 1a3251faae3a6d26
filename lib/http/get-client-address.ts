// Moved to lib/net/get-client-address.ts (lib/auth reads it, and lib/http sits above lib/auth). Kept
// only until app/api/account/password/route.ts imports it from there: delete this file then.
export { getClientAddress } from "@/lib/net/get-client-address";
