import { apiRoute } from "@/lib/api/handler";
import { parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { deletePrice } from "@/lib/data/prices";
import { emptyBodySchema, uuidParam } from "@/lib/validations/admin";

interface Params {
  params: Promise<{ id: string }>;
}

/** DELETE /api/cost/prices/[id]: removes a model's prices (its cost falls back to the next source). */
export const DELETE = apiRoute<Params>("/api/cost/prices/[id]", async (request, { actor, context }) => {
  const id = parseParam("id", (await context.params).id, uuidParam);
  await parseOptionalBody(request, emptyBodySchema);
  await deletePrice(signedIn(actor), id, requestAddress(request));
  return Response.json({ deleted: id });
});
