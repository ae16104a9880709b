import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { AcknowledgedFirstError, acknowledgeAlerts } from "@/lib/data/acknowledgements";
import { acknowledgeSchema } from "@/lib/validations/alerts";

/**
 * POST /api/acknowledgements: { alerts: [{fingerprint, startsAt}], note?, expiresInMinutes?, silenceMinutes? }
 * acknowledges one alert or a group (responders and up). 200 with what was acknowledged and any
 * alert someone else had acknowledged first; 409 naming who when that was every alert asked for.
 */
export const POST = apiRoute("/api/acknowledgements", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const input = await parseJsonBody(request, acknowledgeSchema);
  try {
    return Response.json(await acknowledgeAlerts(actor, input, requestAddress(request)));
  } catch (error) {
    if (error instanceof AcknowledgedFirstError) {
      return Response.json({ error: error.message, conflicts: error.conflicts }, { status: 409 });
    }
    throw error;
  }
});
