import { apiRoute } from "@/lib/api/handler";
import { parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { unacknowledge } from "@/lib/data/acknowledgements";
import { acknowledgementIdSchema, unacknowledgeSchema } from "@/lib/validations/alerts";

interface Params {
  params: Promise<{ id: string }>;
}

/** DELETE /api/acknowledgements/[id]: withdraws an acknowledgement ({note?}); 409 when already withdrawn. */
export const DELETE = apiRoute<Params>("/api/acknowledgements/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, acknowledgementIdSchema);
  const input = await parseOptionalBody(request, unacknowledgeSchema);
  return Response.json(await unacknowledge(actor, id, input, requestAddress(request)));
});
