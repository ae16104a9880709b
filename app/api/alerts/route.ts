import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { getAlertsOverviewJson } from "@/lib/data/alerts";
import { alertsListParamsSchema } from "@/lib/validations/alerts";

export const dynamic = "force-dynamic";

/**
 * GET /api/alerts: alerts from every Alertmanager, deduplicated, with each instance's state, from
 * the server's latest read (`asOf`); `?after=<asOf>` waits for a read newer than that one.
 */
export const GET = apiRoute("/api/alerts", async (request) => {
  const { after } = parseSearchParams(request, alertsListParamsSchema);
  const { body, timings } = await getAlertsOverviewJson(request.signal, after ? { after: Date.parse(after) } : {});
  const serverTiming = Object.entries(timings)
    .map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`)
    .join(", ");
  return new Response(body, { headers: { "content-type": "application/json", "server-timing": serverTiming, "cache-control": "no-store" } });
});
