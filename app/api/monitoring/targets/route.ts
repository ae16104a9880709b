import { apiRoute } from "@/lib/api/handler";
import { loadTargets } from "@/lib/monitoring/server";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/targets: every active scrape target with its labels, health and last error. */
export const GET = apiRoute("/api/monitoring/targets", async (request) => {
  return Response.json(await loadTargets(request.signal));
});
