import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { rangeQuery } from "@/lib/data/prometheus";
import { rangeQuerySchema } from "@/lib/validations/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/query_range?query=&start=&end=&step=&source=: a range query through the console. */
export const GET = apiRoute("/api/prometheus/query_range", async (request) => {
  const params = parseSearchParams(request, rangeQuerySchema);
  return Response.json(await rangeQuery(params, request.signal));
});
