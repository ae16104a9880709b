import { apiRoute } from "@/lib/api/handler";
import { parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { revokeUserSessions } from "@/lib/data/users";
import { emptyBodySchema, uuidParam } from "@/lib/validations/admin";

interface Params {
  params: Promise<{ id: string }>;
}

/** DELETE /api/admin/users/[id]/sessions: signs the person out of every browser. */
export const DELETE = apiRoute<Params>("/api/admin/users/[id]/sessions", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, uuidParam);
  await parseOptionalBody(request, emptyBodySchema);
  return Response.json(await revokeUserSessions(actor, id, requestAddress(request)));
});
