import { apiRoute } from "@/lib/api/handler";
import { parseParam } from "@/lib/api/request-body";
import { sloHistory } from "@/lib/slo/server";
import { sloIdSchema } from "@/lib/validations/slos";

interface Params {
  params: Promise<{ id: string }>;
}

/** GET /api/slos/[id]/history: burn-down and SLI over the window (per group value), from one range query. */
export const GET = apiRoute<Params>("/api/slos/[id]/history", async (request, { context }) => {
  const id = parseParam("id", (await context.params).id, sloIdSchema);
  return Response.json(await sloHistory(id, request.signal));
});
