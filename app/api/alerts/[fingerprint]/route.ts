import { apiRoute } from "@/lib/api/handler";
import { parseParam } from "@/lib/api/request-body";
import { getAlertDetail } from "@/lib/data/alert-detail";
import { fingerprintSchema } from "@/lib/validations/alerts";

export const dynamic = "force-dynamic";

interface Params {
  params: Promise<{ fingerprint: string }>;
}

/**
 * GET /api/alerts/[fingerprint]: one alert with the silences and inhibiting alerts that apply, its
 * acknowledgements with their history, and its firing episodes over the last 7 days.
 */
export const GET = apiRoute<Params>("/api/alerts/[fingerprint]", async (request, { context }) => {
  const fingerprint = parseParam("fingerprint", (await context.params).fingerprint, fingerprintSchema);
  return Response.json(await getAlertDetail(fingerprint, request.signal));
});
