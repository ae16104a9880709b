import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { expireSilence, getSilence, updateSilence } from "@/lib/data/silences";
import { expireBodySchema, silenceBodySchema, silenceIdSchema } from "@/lib/validations/silences";

export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ id: string }>;
}

/** GET /api/silences/[id]: one silence, from the first Alertmanager that answers. */
export const GET = apiRoute<Params>("/api/silences/[id]", async (request, { context }) => {
  const id = parseParam("id", (await context.params).id, silenceIdSchema);
  return Response.json(await getSilence(id, request.signal));
});

/** PUT /api/silences/[id]: replaces the silence's matchers, times and comment; the answer's silenceID may be new. */
export const PUT = apiRoute<Params>("/api/silences/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, silenceIdSchema);
  const body = await parseJsonBody(request, silenceBodySchema);
  return Response.json(await updateSilence(actor, id, body, requestAddress(request)));
});

/** DELETE /api/silences/[id]: expires the silence now. */
export const DELETE = apiRoute<Params>("/api/silences/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, silenceIdSchema);
  await parseOptionalBody(request, expireBodySchema);
  return Response.json(await expireSilence(actor, id, requestAddress(request)));
});
