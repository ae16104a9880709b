import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { pingDatabase } from "@/lib/db";
import { checkHealth } from "@/lib/data/health";
import { ValidationError } from "@/lib/errors";

export const dynamic = "force-dynamic";

const probeSchema = z.enum(["live", "ready"]).optional();
const noStore = { "cache-control": "no-store" };

/**
 * GET /api/health: every dependency's state; 200 when all answer, 503 naming what is down.
 * Anonymous callers (load balancers, probes) get only the verdict, not URLs and versions.
 *
 * `?probe=live` answers 200 whenever the process serves requests (a liveness probe must not restart
 * the console because Prometheus is down); `?probe=ready` answers 503 only while Postgres, the console's
 * own store, is unreachable. Pages already explain an upstream outage where it matters.
 */
export const GET = apiRoute("/api/health", async (request, { actor }) => {
  const probe = probeSchema.safeParse(new URL(request.url).searchParams.get("probe") ?? undefined);
  if (!probe.success) throw new ValidationError('probe must be "live" or "ready"', [{ path: "probe", message: 'must be "live" or "ready"' }]);
  const checkedAt = new Date().toISOString();
  if (probe.data === "live") return Response.json({ status: "ok", probe: "live", checkedAt }, { headers: noStore });
  if (probe.data === "ready") {
    const ready = await pingDatabase().then(
      () => true,
      () => false,
    );
    return Response.json(
      { status: ready ? "ok" : "degraded", probe: "ready", down: ready ? [] : ["postgres"], checkedAt },
      { status: ready ? 200 : 503, headers: noStore },
    );
  }
  const report = await checkHealth();
  const body = actor ? report : { status: report.status, down: report.down.map((entry) => entry.split(" ")[0]), checkedAt: report.checkedAt };
  return Response.json(body, {
    status: report.status === "ok" ? 200 : 503,
    headers: noStore,
  });
});
