import { apiRoute } from "@/lib/api/handler";
import { targetsSummary } from "@/lib/data/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/targets: active scrape targets grouped by job, problems first. */
export const GET = apiRoute("/api/prometheus/targets", async (request) => {
  return Response.json(await targetsSummary(request.signal));
});
