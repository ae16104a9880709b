import { apiRoute } from "@/lib/api/handler";
import { loadConsoleHealth } from "@/lib/monitoring/server";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/console: this console process's requests by route and its upstream calls, since start. */
export const GET = apiRoute("/api/monitoring/console", async () => {
  return Response.json(await loadConsoleHealth());
});
