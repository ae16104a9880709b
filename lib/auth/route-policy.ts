import type { Role } from "./roles";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
/** "public" needs no sign-in; a role needs that role or a higher one. */
export type Access = Role | "public";

/**
 * Who may call each route handler. Every handler looks itself up here (lib/api/handler.ts),
 * and the authorization matrix test fails for a route file whose methods are missing here.
 */
export const ROUTE_POLICY: Record<string, Partial<Record<HttpMethod, Access>>> = {
  // Liveness for load balancers and Kubernetes; anonymous callers get the summary only.
  "/api/health": { GET: "public" },
  // Scraped by Prometheus.
  "/metrics": { GET: "public" },
  "/api/prometheus/query": { GET: "viewer" },
  "/api/prometheus/query_range": { GET: "viewer" },
  "/api/prometheus/targets": { GET: "viewer" },
  "/api/alerts": { GET: "viewer" },
  "/api/alerts/test": { POST: "responder" },
  "/api/auth/sign-out": { POST: "viewer" },
  "/api/auth/me": { GET: "viewer" },
  // OpenID Connect sign-in: the start, and where the identity provider sends the browser back.
  "/api/auth/oidc/login": { GET: "public" },
  "/api/auth/oidc/callback": { GET: "public" },
  // An invited person choosing their password with a one-time link; failures are rate-limited per address.
  "/api/auth/set-password": { POST: "public" },
  "/api/admin/users": { GET: "admin", POST: "admin" },
  "/api/admin/users/[id]": { PATCH: "admin" },
  "/api/admin/users/[id]/sessions": { DELETE: "admin" },
  "/api/admin/users/[id]/password-link": { POST: "admin" },
  "/api/admin/sessions": { GET: "admin" },
  "/api/admin/sessions/[id]": { DELETE: "admin" },
  // Everyone manages their own tokens; ?all=1 and revoking another's token need admin (checked in the handler).
  "/api/tokens": { GET: "viewer", POST: "viewer" },
  "/api/tokens/[id]": { DELETE: "viewer" },
  "/api/audit": { GET: "viewer" },
  "/api/audit/export.csv": { GET: "viewer" },
  // Cost and GPU pages; budgets and model prices are admin-managed (audited).
  "/api/cost": { GET: "viewer" },
  "/api/cost/budgets": { GET: "viewer", POST: "admin" },
  "/api/cost/budgets/[id]": { DELETE: "admin" },
  "/api/cost/prices": { GET: "viewer", POST: "admin" },
  "/api/cost/prices/[id]": { DELETE: "admin" },
  "/api/gpus": { GET: "viewer" },
  "/api/gpus/heatmap": { GET: "viewer" },
};

/**
 * Who may call each Server Action, keyed "<file>#<export>". Actions have no apiRoute wrapper,
 * so each one must check its caller itself (requireActor and a role check); this records what
 * each requires, and the authorization matrix test fails for an exported function of a
 * "use server" file that is missing here.
 */
export const SERVER_ACTION_POLICY: Record<string, Access> = {
  "app/sign-in/actions.ts#signIn": "public",
  // Refuses by itself once any account exists (createFirstAdmin).
  "app/setup/actions.ts#setUp": "public",
};

export function accessFor(route: string, method: string): Access | undefined {
  const policy = ROUTE_POLICY[route];
  const key = HTTP_METHODS.find((candidate) => candidate === method.toUpperCase());
  return policy && key ? policy[key] : undefined;
}
