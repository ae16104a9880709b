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
  // Dashboards: everyone reads; editors create, save and delete stored ones (provisioned files are read-only).
  "/api/dashboards": { GET: "viewer", POST: "editor" },
  "/api/dashboards/[uid]": { GET: "viewer", PUT: "editor", DELETE: "editor" },
  "/api/prometheus/label-values": { GET: "viewer" },
  "/api/prometheus/label-names": { GET: "viewer" },
  "/api/prometheus/scrape-interval": { GET: "viewer" },
  // Runbooks: everyone reads, editors write (every write names the version it edited; 409 when stale).
  "/api/runbooks": { GET: "viewer", POST: "editor" },
  "/api/runbooks/for-alert": { GET: "viewer" },
  "/api/runbooks/[slug]": { GET: "viewer", PATCH: "editor", DELETE: "editor" },
  "/api/runbooks/[slug]/revisions": { GET: "viewer" },
  "/api/runbooks/[slug]/revisions/[version]": { GET: "viewer" },
  "/api/runbooks/[slug]/restore": { POST: "editor" },
  "/api/runbooks/[slug]/alerts": { GET: "viewer" },
  // Grafana import (?dryRun=1 only converts) and Explore's "add to dashboard".
  "/api/dashboards/import": { POST: "editor" },
  "/api/dashboards/[uid]/panels": { POST: "editor" },
  // What the PromQL editor's completion asks for, in Prometheus's own shapes.
  "/api/prometheus/labels": { GET: "viewer" },
  "/api/prometheus/label/[name]/values": { GET: "viewer" },
  "/api/prometheus/series": { GET: "viewer" },
  "/api/prometheus/metadata": { GET: "viewer" },
  // Each person's Explore history.
  "/api/explore/history": { GET: "viewer", POST: "viewer" },
  "/api/alerts/[fingerprint]": { GET: "viewer" },
  // Acknowledging never silences; "acknowledge and silence" also creates a silence, a responder's right too.
  "/api/acknowledgements": { POST: "responder" },
  "/api/acknowledgements/[id]": { DELETE: "responder" },
  // Silences are proxied to Alertmanager; recurring maintenance windows are ours (Postgres).
  "/api/silences": { GET: "viewer", POST: "responder" },
  "/api/silences/[id]": { GET: "viewer", PUT: "responder", DELETE: "responder" },
  "/api/maintenance-windows": { GET: "viewer", POST: "responder" },
  "/api/maintenance-windows/[id]": { PUT: "responder", DELETE: "responder" },
  // SLOs: everyone reads; editors create, save (optimistic version, 409 when stale) and delete stored ones.
  "/api/slos": { GET: "viewer", POST: "editor" },
  "/api/slos/[id]": { GET: "viewer", PUT: "editor", DELETE: "editor" },
  "/api/slos/preview": { POST: "editor" },
  "/api/slos/le-edges": { GET: "viewer" },
  "/api/slos/rules": { GET: "viewer" },
  "/api/slos/[id]/history": { GET: "viewer" },
  "/api/slos/for-alert": { GET: "viewer" },
  // Monitoring the monitoring: read-only views of Prometheus, Alertmanager and the console itself.
  "/api/monitoring/targets": { GET: "viewer" },
  "/api/monitoring/rules": { GET: "viewer" },
  "/api/monitoring/cardinality": { GET: "viewer" },
  "/api/monitoring/cardinality/topk": { GET: "viewer" },
  "/api/monitoring/routing": { GET: "viewer" },
  "/api/monitoring/console": { GET: "viewer" },
  // Cost and GPU pages; budgets and model prices are admin-managed (audited).
  "/api/cost": { GET: "viewer" },
  "/api/cost/budgets": { GET: "viewer", POST: "admin" },
  "/api/cost/budgets/[id]": { DELETE: "admin" },
  "/api/cost/prices": { GET: "viewer", POST: "admin" },
  "/api/cost/prices/[id]": { DELETE: "admin" },
  "/api/gpus": { GET: "viewer" },
  "/api/gpus/heatmap": { GET: "viewer" },
  // The configured Prometheus-API sources (names and URLs, as the health page shows PROMETHEUS_URL).
  "/api/prometheus/sources": { GET: "viewer" },
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
