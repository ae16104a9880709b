import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { loadTopMetrics } from "@/lib/monitoring/server";
import { topkParamsSchema } from "@/lib/validations/monitoring";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/cardinality/topk?timeout=&source=: the ten metrics with most series, by a bounded full scan. */
export const GET = apiRoute("/api/monitoring/cardinality/topk", async (request) => {
  const { timeout, source } = parseSearchParams(request, topkParamsSchema);
  return Response.json(await loadTopMetrics(timeout, request.signal, undefined, source));
});
