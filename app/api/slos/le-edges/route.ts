import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { histogramEdges, selectorParam } from "@/lib/slo/edges";
import { leEdgesQuerySchema } from "@/lib/validations/slos";

/**
 * GET /api/slos/le-edges?histogram=name{matchers}&datasource=: the histogram's finite bucket edges
 * (`le` of its _bucket series), each once however the client spelled it: the only thresholds a
 * latency SLO may use.
 */
export const GET = apiRoute("/api/slos/le-edges", async (request) => {
  const query = parseSearchParams(request, leEdgesQuerySchema);
  const histogram = selectorParam(query.histogram, "histogram");
  return Response.json({ edges: await histogramEdges(histogram, query.datasource, request.signal) });
});
