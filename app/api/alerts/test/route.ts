import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { sendTestAlert } from "@/lib/data/test-alerts";
import { testAlertSchema } from "@/lib/validations/test-alert";

/**
 * POST /api/alerts/test: { labels, annotations?, durationMinutes?, resolve? } sends a test alert to
 * every Alertmanager (or resolves it) and answers with what each instance said. Responders and up.
 */
export const POST = apiRoute("/api/alerts/test", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const input = await parseJsonBody(request, testAlertSchema);
  const result = await sendTestAlert(actor, input, requestAddress(request));
  return Response.json(result, { status: result.instances.some((instance) => instance.ok) ? 200 : 502 });
});
