import { apiRoute } from "@/lib/api/handler";
import { ValidationError } from "@/lib/errors";
import { getPrometheus } from "@/lib/prometheus/client";
import { parseSeriesLookup } from "@/lib/validations/explore";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/series?match[]=&start=&end=&source=: label sets of matching series (label completion). */
export const GET = apiRoute("/api/prometheus/series", async (request) => {
  const { "match[]": match, start, end, limit, source } = parseSeriesLookup(request);
  if (match.length === 0) throw new ValidationError("match[]: at least one series selector is required", [{ path: "match[]", message: "is required" }]);
  const result = await getPrometheus(source).series(match, { start, end, limit: limit ?? 10_000, signal: request.signal });
  return Response.json({ status: "success", data: result.data, warnings: result.warnings });
});
