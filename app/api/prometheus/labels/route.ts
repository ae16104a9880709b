import { apiRoute } from "@/lib/api/handler";
import { getPrometheus } from "@/lib/prometheus/client";
import { parseSeriesLookup } from "@/lib/validations/explore";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/labels?match[]=&start=&end=&source=: label names, in Prometheus's envelope (for the PromQL editor). */
export const GET = apiRoute("/api/prometheus/labels", async (request) => {
  const { "match[]": match, start, end, limit, source } = parseSeriesLookup(request);
  const result = await getPrometheus(source).labels({ match: match.length ? match : undefined, start, end, limit, signal: request.signal });
  return Response.json({ status: "success", data: result.data, warnings: result.warnings });
});
