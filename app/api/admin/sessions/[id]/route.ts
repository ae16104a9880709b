import { apiRoute } from "@/lib/api/handler";
import { parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { revokeSessionById } from "@/lib/data/sessions";
import { emptyBodySchema, sessionIdParam } from "@/lib/validations/admin";

interface Params {
  params: Promise<{ id: string }>;
}

/** DELETE /api/admin/sessions/[id]: ends one session (the id is the SHA-256 the list shows). */
export const DELETE = apiRoute<Params>("/api/admin/sessions/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, sessionIdParam);
  await parseOptionalBody(request, emptyBodySchema);
  await revokeSessionById(actor, id, requestAddress(request));
  return Response.json({ revoked: id });
});
