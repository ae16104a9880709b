import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { instantQuery } from "@/lib/data/prometheus";
import { instantQuerySchema } from "@/lib/validations/prometheus";

export const dynamic = "force-dynamic";

/** GET /api/prometheus/query?query=&time=&source=: an instant query through the console. */
export const GET = apiRoute("/api/prometheus/query", async (request) => {
  const params = parseSearchParams(request, instantQuerySchema);
  return Response.json(await instantQuery(params, request.signal));
});
