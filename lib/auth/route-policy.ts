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
  "/api/auth/sign-out": { POST: "viewer" },
  "/api/auth/me": { GET: "viewer" },
};

export function accessFor(route: string, method: string): Access | undefined {
  const policy = ROUTE_POLICY[route];
  const key = HTTP_METHODS.find((candidate) => candidate === method.toUpperCase());
  return policy && key ? policy[key] : undefined;
}
