import { apiRoute } from "@/lib/api/handler";
import { parseParam } from "@/lib/api/request-body";
import { linkedAlerts } from "@/lib/data/runbooks";
import { slugSchema } from "@/lib/validations/runbooks";

interface Params {
  params: Promise<{ slug: string }>;
}

/** GET /api/runbooks/[slug]/alerts: the alerts firing now that link to this runbook, with their acknowledgements. */
export const GET = apiRoute<Params>("/api/runbooks/[slug]/alerts", async (request, { context }) => {
  const slug = parseParam("slug", (await context.params).slug, slugSchema);
  return Response.json(await linkedAlerts(slug, request.signal));
});
