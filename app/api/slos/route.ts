import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { createStoredSlo } from "@/lib/data/slo-definitions";
import { checkStoredSpec } from "@/lib/slo/save-checks";
import { listSlos, readSloCatalog } from "@/lib/slo/server";
import { createSloBodySchema } from "@/lib/validations/slos";

/** GET /api/slos: every SLO (files and stored; one row per group value) with its current figures from batched queries, and the SLOs Sloth and Pyrra record (read-only). */
export const GET = apiRoute("/api/slos", async (request) => {
  return Response.json(await listSlos(request.signal, undefined, { external: true }));
});

/**
 * POST /api/slos: { spec } creates an SLO stored in the console (201). Its id `<service>--<name>`
 * must be free among files and stored SLOs (409); a latency threshold must be a bucket edge of
 * the histogram (400 on spec.sli.latency.le). Editors.
 */
export const POST = apiRoute("/api/slos", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const { spec } = await parseJsonBody(request, createSloBodySchema);
  await checkStoredSpec(spec, request.signal);
  const fileIds = new Set(readSloCatalog().slos.map((slo) => slo.id));
  const created = await createStoredSlo({ actor, address: requestAddress(request) }, spec, fileIds);
  return Response.json({ id: created.id, version: created.version }, { status: 201 });
});
