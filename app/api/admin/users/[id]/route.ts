import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { updateUser } from "@/lib/data/users";
import { updateUserSchema, uuidParam } from "@/lib/validations/admin";

interface Params {
  params: Promise<{ id: string }>;
}

/**
 * PATCH /api/admin/users/[id]: { role?, disabled? }. Refused with 409 for the caller themself
 * and for the last enabled admin; disabling ends the person's sessions.
 */
export const PATCH = apiRoute<Params>("/api/admin/users/[id]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, uuidParam);
  const patch = await parseJsonBody(request, updateUserSchema);
  return Response.json({ user: await updateUser(actor, id, patch, requestAddress(request)) });
});
