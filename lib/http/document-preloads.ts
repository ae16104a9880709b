/** The alert page's list: fetched by alertsQuery (lib/queries/alerts.ts) without headers of its own. */
export const ALERTS_URL = "/api/alerts";

/**
 * Data a page fetches as soon as it starts, by page path. proxy.ts announces it in the page's
 * response headers (`Link: <url>; rel=preload; as=fetch`), so the browser starts the request
 * with the HTML instead of once the page's scripts have run; the page's own fetch then reuses it
 * (it must send no headers of its own and use the default mode, as a preload with
 * crossorigin=anonymous does).
 */
const DOCUMENT_PRELOADS: Readonly<Record<string, readonly string[]>> = {
  "/alerts": [ALERTS_URL],
};

/**
 * The Link header for a request, or undefined. Only a document load: a client-side navigation
 * (an RSC request, marked by Next's `rsc` header) has the page's scripts running already and
 * preloads through React's hint instead.
 */
export function preloadLinkHeader(request: { method: string; pathname: string; headers: Headers }): string | undefined {
  if (request.method !== "GET" || request.headers.has("rsc")) return undefined;
  const urls = DOCUMENT_PRELOADS[request.pathname];
  if (!urls || urls.length === 0) return undefined;
  return urls.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=anonymous`).join(", ");
}
