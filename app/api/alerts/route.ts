import { apiRoute } from "@/lib/api/handler";
import { getAlertsOverview } from "@/lib/data/alerts";

export const dynamic = "force-dynamic";

/** GET /api/alerts: alerts from every Alertmanager, deduplicated, with each instance's state. */
export const GET = apiRoute("/api/alerts", async (request) => {
  return Response.json(await getAlertsOverview(request.signal));
});
