import type { NextRequest } from "next/server";
import { errorResponse, jsonResponse } from "@/lib/http/api-route";
import { requestIdOf } from "@/lib/http/request-id";
import type { RequestContext } from "@/lib/request-context";
import type { ApiKeyScope } from "@/lib/validations/api-key";
import { authenticateApiKey, type ApiKeyIdentity } from "@/lib/api-keys/authenticate-api-key";
import { takeTokenOrThrow } from "@/lib/api-keys/rate-limit";

export type KeyArgs<P> = { req: NextRequest; params: P; key: ApiKeyIdentity; ctx: RequestContext };

/**
 * Wraps an application-facing route handler (/api/prompts…): Bearer API key with the scope, the
 * key's rate limit, and the one error path shared with apiRoute. Audit entries name the key's
 * creator as actor and the key itself.
 */
export function keyRoute<P = Record<string, never>>(scope: ApiKeyScope, handler: (args: KeyArgs<P>) => Promise<unknown>) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdOf(req.headers);
    try {
      const key = await authenticateApiKey(req.headers.get("authorization"), scope);
      takeTokenOrThrow(key);
      const ctx: RequestContext = { actor: { userId: key.createdById, email: `api-key:${key.prefix}` }, requestId };
      return jsonResponse(await handler({ req, params: await context.params, key, ctx }), requestId);
    } catch (error) {
      return errorResponse(error, req, requestId);
    }
  };
}
