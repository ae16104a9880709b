import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody } from "@/lib/api/request-body";
import { prometheusClient } from "@/lib/slo/edges";
import { previewSlo } from "@/lib/slo/server";
import { sloFromStoredSpec } from "@/lib/slo/spec";
import { previewSloBodySchema } from "@/lib/validations/slos";

/**
 * POST /api/slos/preview: { spec } evaluated as the list would evaluate it, without saving:
 * the editor's live preview of SLI, budget and burn rates. Writes nothing. Editors.
 */
export const POST = apiRoute("/api/slos/preview", async (request) => {
  const { spec } = await parseJsonBody(request, previewSloBodySchema);
  prometheusClient(spec.datasource, "spec.datasource");
  return Response.json(await previewSlo(sloFromStoredSpec(spec, { file: "database", format: "stored" }), request.signal));
});
