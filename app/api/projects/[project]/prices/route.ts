// GET /api/projects/[project]/prices – model prices (USD per million tokens), built-in and the project's own
// PUT /api/projects/[project]/prices – { model, input, output } sets a price; { model, reset: true } removes the project's
import { z } from "zod";
import { apiRoute, parseBody } from "@/lib/http/api-route";
import { requireProjectPermission } from "@/lib/auth/require-project-permission";
import { listModelPrices, setModelPrice } from "@/lib/providers/model-prices";

type Params = { project: string };
const price = z.number({ error: "Enter a price in USD per million tokens." }).min(0, "Prices cannot be negative.").max(10_000);

export const GET = apiRoute<Params>(async ({ params, user }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "playground.run" });
  return { prices: await listModelPrices({ projectId: project.id }) };
});

export const PUT = apiRoute<Params>(async ({ req, params, user, ctx }) => {
  const { project } = await requireProjectPermission({ user, projectSlug: params.project, action: "provider.manage" });
  const body = await parseBody(
    req,
    z.union([z.object({ model: z.string().trim().min(1, "Enter the model name.").max(200), reset: z.literal(true) }), z.object({ model: z.string().trim().min(1, "Enter the model name.").max(200), input: price, output: price })]),
  );
  await setModelPrice({ ctx, projectId: project.id, ...body });
  return { prices: await listModelPrices({ projectId: project.id }) };
});
