import { apiRoute } from "@/lib/api/handler";
import { consoleBaseUrl, parseOptionalBody, parseParam, requestAddress, signedIn } from "@/lib/api/request-body";
import { passwordLinkUrl } from "@/lib/data/password-links";
import { issuePasswordLink } from "@/lib/data/users";
import { emptyBodySchema, uuidParam } from "@/lib/validations/admin";

interface Params {
  params: Promise<{ id: string }>;
}

/**
 * POST /api/admin/users/[id]/password-link: a new one-time set-password link (an invitation that
 * expired, a forgotten password); earlier unused links stop working. Shown only in this answer.
 */
export const POST = apiRoute<Params>("/api/admin/users/[id]/password-link", async (request, { actor: caller, context }) => {
  const actor = signedIn(caller);
  const id = parseParam("id", (await context.params).id, uuidParam);
  await parseOptionalBody(request, emptyBodySchema);
  const { user, link } = await issuePasswordLink(actor, id, requestAddress(request));
  return Response.json(
    { user, setPasswordUrl: passwordLinkUrl(consoleBaseUrl(request), link.token), expiresAt: link.expiresAt.toISOString() },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
