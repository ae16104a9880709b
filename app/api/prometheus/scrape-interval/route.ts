import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { scrapeIntervalSeconds } from "@/lib/data/prometheus-labels";
import { sourceQuerySchema } from "@/lib/validations/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/scrape-interval?source=: the shortest scrape interval of the active targets, in seconds. */
export const GET = apiRoute("/api/prometheus/scrape-interval", async (request) => {
  const { source } = parseSearchParams(request, sourceQuerySchema);
  return Response.json({ seconds: await scrapeIntervalSeconds(request.signal, source) });
});
