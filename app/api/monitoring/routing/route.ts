import { apiRoute } from "@/lib/api/handler";
import { loadRouting } from "@/lib/monitoring/server";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/routing: each Alertmanager's routing tree, receivers (names and kinds only) and inhibition rules. */
export const GET = apiRoute("/api/monitoring/routing", async (request) => {
  return Response.json(await loadRouting(request.signal));
});
