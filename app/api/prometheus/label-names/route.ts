import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { labelNames } from "@/lib/data/prometheus-labels";
import { labelNamesQuerySchema } from "@/lib/validations/dashboards";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/label-names?match=&start=&end=&source=: label names (label_names() variables). */
export const GET = apiRoute("/api/prometheus/label-names", async (request) => {
  const params = parseSearchParams(request, labelNamesQuerySchema);
  return Response.json({ data: await labelNames(params, request.signal) });
});
