import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { fetchFleet } from "@/lib/gpu/fetch-fleet";
import { fleetParamsSchema } from "@/lib/validations/cost";

export const dynamic = "force-dynamic";

/** GET /api/gpus?range=<seconds>: every GPU now, groups, idle and saturated lists, XID events over the range. */
export const GET = apiRoute("/api/gpus", async (request) => {
  const { range } = parseSearchParams(request, fleetParamsSchema);
  return Response.json(await fetchFleet({ rangeSeconds: range, signal: request.signal }));
});
