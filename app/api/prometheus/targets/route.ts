import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { targetsSummary } from "@/lib/data/prometheus";
import { sourceQuerySchema } from "@/lib/validations/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/targets?source=: active scrape targets grouped by job, problems first. */
export const GET = apiRoute("/api/prometheus/targets", async (request) => {
  const { source } = parseSearchParams(request, sourceQuerySchema);
  return Response.json(await targetsSummary(request.signal, source));
});
