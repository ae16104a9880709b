/** The request header the proxy puts the nonce in, for Server Components that render their own <Script>. */
export const NONCE_HEADER = "x-nonce";

/**
 * The nonce form Next.js extracts from the CSP request header to put on its own scripts
 * (next/dist/server/app-render/get-script-nonce-from-header.js). Next silently ignores any other
 * form, which would leave every script blocked, so a bad nonce is refused here instead.
 */
export const NONCE_PATTERN = /^[A-Za-z0-9+/_-]+={0,2}$/;

export interface ContentSecurityPolicyOptions {
  nonce: string;
  /** `next dev`: React rebuilds server error stacks in the browser with eval. */
  development: boolean;
}

export interface SecurityHeadersOptions extends ContentSecurityPolicyOptions {
  /** Browsers reach the console over https; only then is Strict-Transport-Security sent. */
  https: boolean;
}

/** Header name to value; the policy is always there because proxy.ts also hands it to Next.js. */
export interface SecurityHeaders extends Record<string, string> {
  "Content-Security-Policy": string;
}

/** Two years, without includeSubDomains or preload: the console cannot know what else is served under its host name. */
const HSTS = "max-age=63072000";

/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce or
 * when loaded by a script that has it ('strict-dynamic'); 'self' stays for browsers without
 * CSP 3, which ignore 'strict-dynamic'. Styles allow 'unsafe-inline' and carry no nonce: React
 * renders style props into style="" attributes on the server, and attributes cannot carry a nonce,
 * while a nonce in style-src would make browsers ignore 'unsafe-inline'. Recharts itself only
 * writes element.style, which CSP does not govern.
 */
export function buildContentSecurityPolicy({ nonce, development }: ContentSecurityPolicyOptions): string {
  if (!NONCE_PATTERN.test(nonce)) throw new Error(`CSP nonce ${JSON.stringify(nonce)} is not base64: Next.js would ignore it`);
  const directives: Array<[string, ...string[]]> = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Every security header of one response, keyed by header name. */
export function buildSecurityHeaders(options: SecurityHeadersOptions): SecurityHeaders {
  return {
    "Content-Security-Policy": buildContentSecurityPolicy(options),
    // frame-ancestors says the same to browsers that read CSP; this is for those that do not.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Not no-referrer: under it browsers send "Origin: null" even on same-origin POSTs, leaving
    // the CSRF check only Sec-Fetch-Site, which browsers omit over plain http.
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(options.https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
