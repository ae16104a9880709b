import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { loadCardinality } from "@/lib/monitoring/server";
import { cardinalityParamsSchema } from "@/lib/validations/monitoring";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/cardinality?limit=: the head block's top-N lists and ID-like label warnings. */
export const GET = apiRoute("/api/monitoring/cardinality", async (request) => {
  const { limit } = parseSearchParams(request, cardinalityParamsSchema);
  return Response.json(await loadCardinality(limit, request.signal));
});
