import { apiRoute } from "@/lib/api/handler";

/** GET /api/auth/me: who the caller is and what role they act with. */
export const GET = apiRoute("/api/auth/me", async (_request, { actor }) => {
  return Response.json(actor ? { name: actor.name, email: actor.email, role: actor.role, type: actor.type, via: actor.via } : null);
});
