// GET /api/openapi.json – the OpenAPI 3.1 document of /api/prompts, generated from the validating zod schemas
import { apiRoute } from "@/lib/http/api-route";
import { publicOrigin } from "@/lib/http/public-origin";
import { openApiDocument } from "@/lib/serving/openapi-document";

export const GET = apiRoute({ route: "/api/openapi.json", auth: "public" }, async ({ req }) =>
  openApiDocument(publicOrigin(req.headers)),
);
