import { apiRoute } from "@/lib/api/handler";
import { checkHealth } from "@/lib/data/health";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: every dependency's state; 200 when all answer, 503 naming what is down.
 * Anonymous callers (load balancers, probes) get only the verdict, not URLs and versions.
 */
export const GET = apiRoute("/api/health", async (_request, { actor }) => {
  const report = await checkHealth();
  const body = actor ? report : { status: report.status, down: report.down.map((entry) => entry.split(" ")[0]), checkedAt: report.checkedAt };
  return Response.json(body, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
