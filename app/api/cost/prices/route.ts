import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { listPrices, setPrice } from "@/lib/data/prices";
import { modelPriceSchema } from "@/lib/validations/cost";

/** POST /api/cost/prices: { model, kind, inputUsdPer1k, outputUsdPer1k } creates or replaces a model's prices. */
export const POST = apiRoute("/api/cost/prices", async (request, { actor }) => {
  const input = await parseJsonBody(request, modelPriceSchema);
  return Response.json({ price: await setPrice(signedIn(actor), input, requestAddress(request)) });
});

/** GET /api/cost/prices: the price table. */
export const GET = apiRoute("/api/cost/prices", async () => Response.json({ prices: await listPrices() }));
