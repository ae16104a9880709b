import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { deleteDashboard, getDashboard, updateDashboard } from "@/lib/data/dashboards";
import { emptyBodySchema } from "@/lib/validations/admin";
import { dashboardUidParam, updateDashboardBodySchema } from "@/lib/validations/dashboards";

export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ uid: string }>;
}

/** GET /api/dashboards/[uid]: the dashboard, where it comes from (provisioned or database) and its version. */
export const GET = apiRoute<Params>("/api/dashboards/[uid]", async (_request, { context }) => {
  const uid = parseParam("uid", (await context.params).uid, dashboardUidParam);
  return Response.json(await getDashboard(uid));
});

/** PUT /api/dashboards/[uid] {dashboard, version}: saves a new version; 409 if someone saved since `version`, or if it is provisioned. */
export const PUT = apiRoute<Params>("/api/dashboards/[uid]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const uid = parseParam("uid", (await context.params).uid, dashboardUidParam);
  const { dashboard, version } = await parseJsonBody(request, updateDashboardBodySchema);
  return Response.json(await updateDashboard(actor, uid, dashboard, version, requestAddress(request)));
});

/** DELETE /api/dashboards/[uid]: deletes a stored dashboard; provisioned ones are refused with 409. */
export const DELETE = apiRoute<Params>("/api/dashboards/[uid]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const uid = parseParam("uid", (await context.params).uid, dashboardUidParam);
  await parseOptionalBody(request, emptyBodySchema);
  await deleteDashboard(actor, uid, requestAddress(request));
  return Response.json({ deleted: uid });
});
