import { apiRoute } from "@/lib/api/handler";
import { checkHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/** GET /api/health: every dependency's state; 200 when all answer, 503 naming what is down. */
export const GET = apiRoute("/api/health", async () => {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
