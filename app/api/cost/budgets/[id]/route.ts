import { apiRoute } from "@/lib/api/handler";
import { parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { deleteBudget } from "@/lib/data/budgets";
import { emptyBodySchema, uuidParam } from "@/lib/validations/admin";

interface Params {
  params: Promise<{ id: string }>;
}

/** DELETE /api/cost/budgets/[id]: removes a tenant's budget (its alert stops). */
export const DELETE = apiRoute<Params>("/api/cost/budgets/[id]", async (request, { actor, context }) => {
  const id = parseParam("id", (await context.params).id, uuidParam);
  await parseOptionalBody(request, emptyBodySchema);
  await deleteBudget(signedIn(actor), id, requestAddress(request));
  return Response.json({ deleted: id });
});
