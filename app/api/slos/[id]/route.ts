import { apiRoute } from "@/lib/api/handler";
import { parseParam } from "@/lib/api/request-body";
import { sloDetail } from "@/lib/slo/server";
import { sloIdSchema } from "@/lib/validations/slos";

interface Params {
  params: Promise<{ id: string }>;
}

/** GET /api/slos/[id]: one SLO's definition, figures per group value, and the alerts firing for it. */
export const GET = apiRoute<Params>("/api/slos/[id]", async (request, { context }) => {
  const id = parseParam("id", (await context.params).id, sloIdSchema);
  return Response.json(await sloDetail(id, request.signal));
});
