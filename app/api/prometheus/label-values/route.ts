import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { labelValues } from "@/lib/data/prometheus-labels";
import { labelValuesQuerySchema } from "@/lib/validations/dashboards";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/label-values?label=&match=&start=&end=&source=: one label's values (dashboard variables). */
export const GET = apiRoute("/api/prometheus/label-values", async (request) => {
  const params = parseSearchParams(request, labelValuesQuerySchema);
  return Response.json({ data: await labelValues(params, request.signal) });
});
