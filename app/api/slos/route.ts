import { apiRoute } from "@/lib/api/handler";
import { listSlos } from "@/lib/slo/server";

/** GET /api/slos: every SLO (one row per group value) with its current figures, from batched queries. */
export const GET = apiRoute("/api/slos", async (request) => {
  return Response.json(await listSlos(request.signal));
});
