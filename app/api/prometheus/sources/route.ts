import { apiRoute } from "@/lib/api/handler";
import { sourceSummaries } from "@/lib/data/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/sources: the configured Prometheus-API sources, the default first. */
export const GET = apiRoute("/api/prometheus/sources", async () => {
  return Response.json({ sources: sourceSummaries() });
});
