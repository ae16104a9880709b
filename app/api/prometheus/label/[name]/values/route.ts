import { apiRoute } from "@/lib/api/handler";
import { parseParam } from "@/lib/api/request-body";
import { getPrometheus } from "@/lib/prometheus/client";
import { labelNameSchema, parseSeriesLookup } from "@/lib/validations/explore";

export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ name: string }>;
}

/** GET /api/prometheus/label/<name>/values?match[]=&source=: one label's values (metric names for __name__). */
export const GET = apiRoute<Params>("/api/prometheus/label/[name]/values", async (request, { context }) => {
  const name = parseParam("name", (await context.params).name, labelNameSchema);
  const { "match[]": match, start, end, limit, source } = parseSeriesLookup(request);
  const result = await getPrometheus(source).labelValues(name, { match: match.length ? match : undefined, start, end, limit, signal: request.signal });
  return Response.json({ status: "success", data: result.data, warnings: result.warnings });
});
