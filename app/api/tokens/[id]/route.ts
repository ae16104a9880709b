import { apiRoute } from "@/lib/api/handler";
import { parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { revokeToken } from "@/lib/data/api-tokens";
import { emptyBodySchema, uuidParam } from "@/lib/validations/admin";

interface Params {
  params: Promise<{ id: string }>;
}

/** DELETE /api/tokens/[id]: revokes a token, the caller's own or, for an admin, anyone's. */
export const DELETE = apiRoute<Params>("/api/tokens/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, uuidParam);
  await parseOptionalBody(request, emptyBodySchema);
  return Response.json({ token: await revokeToken(actor, id, requestAddress(request)) });
});
