import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { slosForAlert } from "@/lib/slo/server";
import { forAlertQuerySchema } from "@/lib/validations/slos";

/** GET /api/slos/for-alert?labels={…}: the SLOs an alert with these labels is about, burning ones first. */
export const GET = apiRoute("/api/slos/for-alert", async (request) => {
  const { labels } = parseSearchParams(request, forAlertQuerySchema);
  return Response.json(await slosForAlert(labels, request.signal));
});
