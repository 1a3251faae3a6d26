// GET /api/openapi.json – the OpenAPI 3.1 document of /api/prompts, generated from the validating zod schemas
import { NextResponse, type NextRequest } from "next/server";
import { publicOrigin } from "@/lib/http/public-origin";
import { openApiDocument } from "@/lib/serving/openapi-document";

export function GET(req: NextRequest) {
  return NextResponse.json(openApiDocument(publicOrigin(req.headers)));
}
