import { apiRoute } from "@/lib/api/handler";
import { scrapeIntervalSeconds } from "@/lib/data/prometheus-labels";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/scrape-interval: the shortest scrape interval of the active targets, in seconds. */
export const GET = apiRoute("/api/prometheus/scrape-interval", async (request) => {
  return Response.json({ seconds: await scrapeIntervalSeconds(request.signal) });
});
