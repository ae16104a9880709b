import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { loadCardinality } from "@/lib/monitoring/server";
import { getPrometheus } from "@/lib/prometheus/client";
import { cardinalityParamsSchema } from "@/lib/validations/monitoring";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/cardinality?limit=&source=: the head block's top-N lists and ID-like label warnings. */
export const GET = apiRoute("/api/monitoring/cardinality", async (request) => {
  const { limit, source } = parseSearchParams(request, cardinalityParamsSchema);
  return Response.json(await loadCardinality(limit, request.signal, getPrometheus(source)));
});
