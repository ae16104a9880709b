import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { runbooksForAlert } from "@/lib/data/runbooks";
import { forAlertSchema } from "@/lib/validations/runbooks";

/**
 * GET /api/runbooks/for-alert?labels={json}&annotations={json}: the runbooks that answer an alert
 * (its runbook_url, then its alertname, then label matchers), and its runbook_url when it points elsewhere.
 */
export const GET = apiRoute("/api/runbooks/for-alert", async (request) => {
  const { labels, annotations } = parseSearchParams(request, forAlertSchema);
  return Response.json(await runbooksForAlert(labels, annotations));
});
