import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { deleteStoredSlo, SloConflictError, updateStoredSlo } from "@/lib/data/slo-definitions";
import { checkStoredSpec } from "@/lib/slo/save-checks";
import { sloDetail } from "@/lib/slo/server";
import { deleteSloBodySchema, sloIdSchema, updateSloBodySchema } from "@/lib/validations/slos";

interface Params {
  params: Promise<{ id: string }>;
}

/** GET /api/slos/[id]: one SLO's definition, figures per group value, and the alerts firing for it. */
export const GET = apiRoute<Params>("/api/slos/[id]", async (request, { context }) => {
  const id = parseParam("id", (await context.params).id, sloIdSchema);
  return Response.json(await sloDetail(id, request.signal));
});

/**
 * PUT /api/slos/[id]: { version, spec } saves a stored SLO over `version`. If someone saved since,
 * 409 with `current` (version, who changed it, when) and nothing is written. Editors.
 */
export const PUT = apiRoute<Params>("/api/slos/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, sloIdSchema);
  const { version, spec } = await parseJsonBody(request, updateSloBodySchema);
  await checkStoredSpec(spec, request.signal);
  try {
    const saved = await updateStoredSlo({ actor, address: requestAddress(request) }, id, version, spec);
    return Response.json({ id: saved.id, version: saved.version });
  } catch (error) {
    if (!(error instanceof SloConflictError)) throw error;
    return Response.json({ error: error.message, current: error.current }, { status: 409 });
  }
});

/** DELETE /api/slos/[id]: body { version? } (409 when the SLO changed since). Stored SLOs only. Editors. */
export const DELETE = apiRoute<Params>("/api/slos/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, sloIdSchema);
  const { version } = await parseOptionalBody(request, deleteSloBodySchema);
  try {
    await deleteStoredSlo({ actor, address: requestAddress(request) }, id, version);
  } catch (error) {
    if (!(error instanceof SloConflictError)) throw error;
    return Response.json({ error: error.message, current: error.current }, { status: 409 });
  }
  return Response.json({ deleted: id });
});
