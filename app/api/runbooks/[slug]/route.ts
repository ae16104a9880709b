import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { deleteRunbook, getRunbook, updateRunbook } from "@/lib/data/runbooks";
import { RunbookConflictError } from "@/lib/runbooks/store";
import { deleteRunbookSchema, slugSchema, updateRunbookSchema } from "@/lib/validations/runbooks";

interface Params {
  params: Promise<{ slug: string }>;
}

/** GET /api/runbooks/[slug]: the runbook's current version. */
export const GET = apiRoute<Params>("/api/runbooks/[slug]", async (_request, { context }) => {
  const slug = parseParam("slug", (await context.params).slug, slugSchema);
  return Response.json({ runbook: await getRunbook(slug) });
});

/**
 * PATCH /api/runbooks/[slug]: { version, title, body, tags, team, alertNames, labelMatchers } saves a
 * new version over `version`. If someone saved since, 409 with `current` (their version) and
 * nothing is written. Editors.
 */
export const PATCH = apiRoute<Params>("/api/runbooks/[slug]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const slug = parseParam("slug", (await context.params).slug, slugSchema);
  const input = await parseJsonBody(request, updateRunbookSchema);
  try {
    return Response.json(await updateRunbook({ actor, address: requestAddress(request) }, slug, input));
  } catch (error) {
    if (!(error instanceof RunbookConflictError)) throw error;
    return Response.json({ error: error.message, current: await getRunbook(slug) }, { status: 409 });
  }
});

/** DELETE /api/runbooks/[slug]: body { version? } (refused with 409 when the runbook is newer). Editors. */
export const DELETE = apiRoute<Params>("/api/runbooks/[slug]", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const slug = parseParam("slug", (await context.params).slug, slugSchema);
  const { version } = await parseOptionalBody(request, deleteRunbookSchema);
  await deleteRunbook({ actor, address: requestAddress(request) }, slug, version);
  return Response.json({ deleted: slug });
});
