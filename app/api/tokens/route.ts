import { z } from "zod";
import { apiRoute, parseSearchParams } from "@/lib/api/handler";
import { parseJsonBody, requestAddress, signedIn } from "@/lib/api/request-body";
import { roleAtLeast } from "@/lib/auth/roles";
import { createToken, listApiTokens } from "@/lib/data/api-tokens";
import { ForbiddenError } from "@/lib/errors";
import { createTokenSchema } from "@/lib/validations/admin";

const listSchema = z.object({ all: z.enum(["0", "1"], { error: "all must be 1 or 0." }).optional() });

/** GET /api/tokens: the caller's API tokens; ?all=1 lists everyone's (admins only). */
export const GET = apiRoute("/api/tokens", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const { all } = parseSearchParams(request, listSchema);
  if (all === "1" && !roleAtLeast(actor.role, "admin")) {
    throw new ForbiddenError(`Your role (${actor.role}) lists only your own tokens; everyone's (?all=1) needs admin.`);
  }
  return Response.json({ tokens: await listApiTokens(all === "1" ? "all" : { ownerId: actor.userId }) });
});

/**
 * POST /api/tokens: { name, role, expiresInDays } creates a token for the caller with a role no
 * higher than theirs (403 otherwise). The secret is in this answer only.
 */
export const POST = apiRoute("/api/tokens", async (request, { actor: caller }) => {
  const actor = signedIn(caller);
  const input = await parseJsonBody(request, createTokenSchema);
  const created = await createToken(actor, input, requestAddress(request));
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
