// GET /api/health – database reachable, migrations current, version (503 when not healthy)
import { NextResponse } from "next/server";

import { getHealth } from "@/lib/health/get-health";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ route: "/api/health", auth: "public" }, async () => {
  const health = await getHealth();
  return NextResponse.json(health, { status: health.status === "ok" ? 200 : 503 });
});
