import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { deleteMaintenanceWindow, updateMaintenanceWindow } from "@/lib/data/maintenance-windows";
import { expireBodySchema, maintenanceWindowBodySchema, windowIdSchema } from "@/lib/validations/silences";

interface Params {
  params: Promise<{ id: string }>;
}

/** PUT /api/maintenance-windows/[id]: replaces the window; silences of its current and coming occurrences are remade. */
export const PUT = apiRoute<Params>("/api/maintenance-windows/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, windowIdSchema);
  const body = await parseJsonBody(request, maintenanceWindowBodySchema);
  return Response.json({ window: await updateMaintenanceWindow(actor, id, body, requestAddress(request)) });
});

/** DELETE /api/maintenance-windows/[id]: deletes the window and expires the silence of an occurrence under way. */
export const DELETE = apiRoute<Params>("/api/maintenance-windows/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, windowIdSchema);
  await parseOptionalBody(request, expireBodySchema);
  return Response.json(await deleteMaintenanceWindow(actor, id, requestAddress(request)));
});
