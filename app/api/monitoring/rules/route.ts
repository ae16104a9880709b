import { apiRoute } from "@/lib/api/handler";
import { loadRules } from "@/lib/monitoring/server";

export const dynamic = "force-dynamic";

/** GET /api/monitoring/rules: every rule group and rule with its evaluation state, failing first. */
export const GET = apiRoute("/api/monitoring/rules", async (request) => {
  return Response.json(await loadRules(request.signal));
});
