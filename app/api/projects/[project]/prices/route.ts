// GET /api/projects/[project]/prices – model prices (USD per million tokens), built-in and the project's own
// PUT /api/projects/[project]/prices – { model, input, output } sets a price; { model, reset: true } removes the project's
import { apiRoute } from "@/lib/http/api-route";
import { listModelPrices, setModelPrice } from "@/lib/providers/model-prices";
import { setModelPriceSchema } from "@/lib/validations/provider";

const route = "/api/projects/[project]/prices";

export const GET = apiRoute({ route, action: "playground.run" }, async ({ access }) => ({
  prices: await listModelPrices({ projectId: access.project.id }),
}));

export const PUT = apiRoute(
  { route, action: "provider.manage", body: setModelPriceSchema },
  async ({ access, body, ctx }) => {
    await setModelPrice({ ctx, projectId: access.project.id, ...body });
    return { prices: await listModelPrices({ projectId: access.project.id }) };
  },
);
