import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { loadTargets } from "@/lib/monitoring/server";
import { getPrometheus } from "@/lib/prometheus/client";
import { sourceQuerySchema } from "@/lib/validations/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/targets?source=: every active scrape target with its labels, health and last error. */
export const GET = apiRoute("/api/monitoring/targets", async (request) => {
  const { source } = parseSearchParams(request, sourceQuerySchema);
  return Response.json(await loadTargets(request.signal, getPrometheus(source)));
});
