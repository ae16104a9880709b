import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { convertGrafanaText } from "@/lib/dashboards/grafana/convert";
import { prometheusSources } from "@/lib/prometheus/client";
import { createDashboard, getDashboard } from "@/lib/data/dashboards";
import { NotFoundError } from "@/lib/errors";
import { dashboardImportQuerySchema, dashboardImportSchema, MAX_IMPORT_BODY_BYTES } from "@/lib/validations/dashboard-import";

export const dynamic = "force-dynamic";

async function uidTaken(uid: string): Promise<boolean> {
  try {
    await getDashboard(uid);
    return true;
  } catch (error) {
    if (error instanceof NotFoundError) return false;
    throw error;
  }
}

/**
 * POST /api/dashboards/import[?dryRun=1]: { source, uid?, title? } converts a Grafana dashboard. With dryRun
 * it answers the report (and whether the uid is free) and stores nothing; otherwise it stores the dashboard
 * (409 if the uid is taken) and answers 201 with where to find it. A file that is not a Grafana dashboard is a 400 saying what it is.
 */
export const POST = apiRoute("/api/dashboards/import", async (request, { actor }) => {
  const editor = signedIn(actor);
  const { dryRun } = parseSearchParams(request, dashboardImportQuerySchema);
  const input = await parseJsonBody(request, dashboardImportSchema, { maxBytes: MAX_IMPORT_BODY_BYTES });
  const result = convertGrafanaText(input.source, { uid: input.uid, title: input.title, sources: prometheusSources().map((source) => source.name) });
  const { dashboard, report, notes, source } = result;
  const summary = { uid: dashboard.uid, title: dashboard.title, url: `/dashboards/${dashboard.uid}`, report, notes, source };
  if (dryRun === "1") {
    return Response.json({ ...summary, uidTaken: await uidTaken(dashboard.uid), dashboard });
  }
  const stored = await createDashboard(editor, dashboard, requestAddress(request));
  return Response.json({ ...summary, version: stored.version }, { status: 201 });
});
