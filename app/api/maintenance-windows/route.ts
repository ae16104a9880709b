import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { createMaintenanceWindow, listMaintenanceWindows } from "@/lib/data/maintenance-windows";
import { maintenanceWindowBodySchema } from "@/lib/validations/silences";

export const dynamic = "force-dynamic";

/** GET /api/maintenance-windows: every recurring window with its next occurrences and recent silences. */
export const GET = apiRoute("/api/maintenance-windows", async () => {
  return Response.json({ windows: await listMaintenanceWindows() });
});

/** POST /api/maintenance-windows: {name, schedule, durationMinutes, timezone, matchers, comment, enabled?}. Responders and up. */
export const POST = apiRoute("/api/maintenance-windows", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const body = await parseJsonBody(request, maintenanceWindowBodySchema);
  return Response.json({ window: await createMaintenanceWindow(actor, body, requestAddress(request)) }, { status: 201 });
});
