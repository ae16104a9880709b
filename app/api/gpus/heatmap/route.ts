import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { fetchHeatmap } from "@/lib/gpu/fetch-fleet";
import { heatmapParamsSchema } from "@/lib/validations/cost";

export const dynamic = "force-dynamic";

/** GET /api/gpus/heatmap?range=<seconds>: per-GPU utilisation on a time grid. */
export const GET = apiRoute("/api/gpus/heatmap", async (request) => {
  const { range } = parseSearchParams(request, heatmapParamsSchema);
  return Response.json(await fetchHeatmap(range, { signal: request.signal }));
});
