import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { getRunbook, restoreRunbook } from "@/lib/data/runbooks";
import { RunbookConflictError } from "@/lib/runbooks/store";
import { restoreRunbookSchema, slugSchema } from "@/lib/validations/runbooks";

interface Params {
  params: Promise<{ slug: string }>;
}

/**
 * POST /api/runbooks/[slug]/restore: { revision, version } saves revision `revision`'s content as a
 * new version over `version` (409 with `current` when the runbook moved on). Editors.
 */
export const POST = apiRoute<Params>("/api/runbooks/[slug]/restore", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const slug = parseParam("slug", (await context.params).slug, slugSchema);
  const input = await parseJsonBody(request, restoreRunbookSchema);
  try {
    return Response.json(await restoreRunbook({ actor, address: requestAddress(request) }, slug, input));
  } catch (error) {
    if (!(error instanceof RunbookConflictError)) throw error;
    return Response.json({ error: error.message, current: await getRunbook(slug) }, { status: 409 });
  }
});
