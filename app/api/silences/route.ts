import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { createSilence, getSilencesOverview } from "@/lib/data/silences";
import { silenceBodySchema } from "@/lib/validations/silences";

export const dynamic = "force-dynamic";

/** GET /api/silences: every silence of the cluster (deduplicated by id), the alerts held now, each instance's state. */
export const GET = apiRoute("/api/silences", async (request) => {
  return Response.json(await getSilencesOverview(request.signal));
});

/** POST /api/silences: {matchers, startsAt?, endsAt, comment} creates a silence as the caller. Responders and up. */
export const POST = apiRoute("/api/silences", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const body = await parseJsonBody(request, silenceBodySchema);
  return Response.json(await createSilence(actor, body, requestAddress(request)), { status: 201 });
});
