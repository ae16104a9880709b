import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { loadRules } from "@/lib/monitoring/server";
import { getPrometheus } from "@/lib/prometheus/client";
import { sourceQuerySchema } from "@/lib/validations/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/rules?source=: every rule group and rule with its evaluation state, failing first. */
export const GET = apiRoute("/api/monitoring/rules", async (request) => {
  const { source } = parseSearchParams(request, sourceQuerySchema);
  return Response.json(await loadRules(request.signal, getPrometheus(source)));
});
