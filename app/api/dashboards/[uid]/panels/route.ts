import { randomUUID } from "node:crypto";
import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { dashboardSchema, type Panel } from "@/lib/dashboards/schema";
import { appendPanel, createDashboard } from "@/lib/data/dashboards";
import { addPanelSchema, uidParamSchema, type AddPanelInput } from "@/lib/validations/explore";

export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ uid: string }>;
}

/** Explore's query as a full-width time series panel. */
function timeSeriesPanel({ panel }: AddPanelInput): Panel {
  return {
    id: `explore-${randomUUID().slice(0, 8)}`,
    type: "timeseries",
    title: panel.title,
    gridPos: { x: 0, y: 0, w: 24, h: 8 },
    ...(panel.datasource && panel.datasource !== "default" ? { datasource: panel.datasource } : {}),
    targets: [{ refId: "A", expr: panel.expr, instant: false, hide: false, ...(panel.legendFormat ? { legendFormat: panel.legendFormat } : {}) }],
    fieldConfig: { defaults: {}, overrides: [] },
    options: { drawStyle: "line", stacking: "none", fillOpacity: 0, lineWidth: 1, legend: { show: true, placement: "bottom", calcs: [] } },
  };
}

/**
 * POST /api/dashboards/<uid>/panels: { panel: { title, expr, legendFormat? } } appends a time series panel to
 * a stored dashboard (a new version); with `create: { title }` it creates the dashboard <uid> holding the panel
 * instead (409 if the uid is taken). Provisioned dashboards are read-only (409).
 */
export const POST = apiRoute<Params>("/api/dashboards/[uid]/panels", async (request, { actor, context }) => {
  const editor = signedIn(actor);
  const uid = parseParam("uid", (await context.params).uid, uidParamSchema);
  const input = await parseJsonBody(request, addPanelSchema);
  const panel = timeSeriesPanel(input);
  const address = requestAddress(request);
  if (input.create) {
    const dashboard = dashboardSchema.parse({ uid, title: input.create.title, panels: [panel] });
    const stored = await createDashboard(editor, dashboard, address);
    return Response.json({ uid, panelId: panel.id, url: `/dashboards/${uid}`, version: stored.version }, { status: 201 });
  }
  const stored = await appendPanel(editor, uid, panel, address);
  return Response.json({ uid, panelId: panel.id, url: `/dashboards/${uid}`, version: stored.version }, { status: 201 });
});
