import { apiRoute } from "@/lib/api/handler";
import { consoleBaseUrl, parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { passwordLinkUrl } from "@/lib/data/password-links";
import { inviteUser, listUsers } from "@/lib/data/users";
import { inviteUserSchema } from "@/lib/validations/admin";

/** GET /api/admin/users: everyone with an account, with their last sign-in and active sessions. */
export const GET = apiRoute("/api/admin/users", async () => {
  return Response.json({ users: await listUsers() });
});

/**
 * POST /api/admin/users: invites someone ({ email, name, role }). The answer holds the one-time
 * set-password link (valid 72 hours) to hand over; it is shown only in this answer.
 */
export const POST = apiRoute("/api/admin/users", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const input = await parseJsonBody(request, inviteUserSchema);
  const { user, link } = await inviteUser(actor, input, requestAddress(request));
  return Response.json(
    { user, setPasswordUrl: passwordLinkUrl(consoleBaseUrl(request), link.token), expiresAt: link.expiresAt.toISOString() },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
