import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { createRunbook, searchRunbooks } from "@/lib/data/runbooks";
import { createRunbookSchema, runbookSearchSchema } from "@/lib/validations/runbooks";

/**
 * GET /api/runbooks?q=&tag=&team=&limit=: runbooks matching the full-text search (best first,
 * with a highlighted fragment), or all by title; with the tags and teams in use, for filters.
 */
export const GET = apiRoute("/api/runbooks", async (request) => {
  return Response.json(await searchRunbooks(parseSearchParams(request, runbookSearchSchema)));
});

/** POST /api/runbooks: { slug, title, body, tags?, team?, alertNames?, labelMatchers? } creates version 1. Editors. */
export const POST = apiRoute("/api/runbooks", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const input = await parseJsonBody(request, createRunbookSchema);
  const runbook = await createRunbook({ actor, address: requestAddress(request) }, input);
  return Response.json({ runbook }, { status: 201 });
});
