import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { createDashboard, listDashboards } from "@/lib/data/dashboards";
import { filterDashboards } from "@/lib/dashboards/list-filter";
import { createDashboardBodySchema, listDashboardsQuerySchema } from "@/lib/validations/dashboards";

export const dynamic = "force-dynamic";

/** GET /api/dashboards?q=&tag=: provisioned and stored dashboards, filtered by title/uid text and tag. */
export const GET = apiRoute("/api/dashboards", async (request) => {
  const { q, tag } = parseSearchParams(request, listDashboardsQuerySchema);
  return Response.json({ dashboards: filterDashboards(await listDashboards(), { q, tag }) });
});

/** POST /api/dashboards {dashboard}: stores a new dashboard (new, save as); 409 when the uid is taken. */
export const POST = apiRoute("/api/dashboards", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const { dashboard } = await parseJsonBody(request, createDashboardBodySchema);
  const created = await createDashboard(actor, dashboard, requestAddress(request));
  return Response.json(created, { status: 201 });
});
