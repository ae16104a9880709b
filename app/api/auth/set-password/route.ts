import { apiRoute } from "@/lib/api/handler";
import { parseJsonBody, requestAddress } from "@/lib/api/request-body";
import { setPasswordWithLink } from "@/lib/data/password-links";
import { setPasswordSchema } from "@/lib/validations/admin";

/**
 * POST /api/auth/set-password: { token, password, confirm } from a one-time link. Public: the
 * link is the credential. Wrong links count against the address like failed sign-ins.
 */
export const POST = apiRoute("/api/auth/set-password", async (request) => {
  const input = await parseJsonBody(request, setPasswordSchema);
  const result = await setPasswordWithLink({ token: input.token, password: input.password, address: requestAddress(request) });
  return Response.json(result);
});
