/*
 * Which URLs rendered markdown may carry. Links: http, https, mailto and relative ones. Images:
 * only the console's own paths, so opening a runbook never makes a request elsewhere (tracking
 * pixels, internal hosts) and never loads data: or javascript: URLs. Everything else is dropped.
 */

const LINK_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

// Browsers ignore ASCII tabs and newlines anywhere in a URL and strip leading control characters
// and spaces, so "java\tscript:" is javascript:. Look at the URL as the browser will.
function browserView(value: string): string {
  return value.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
}

function scheme(value: string): string | undefined {
  const found = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(value);
  return found?.[1] ? `${found[1].toLowerCase()}:` : undefined;
}

/** Whether a path is on the console itself: `/x`, not `//host` or `/\host` (which browsers read as another host). */
function isOwnPath(value: string): boolean {
  return value.startsWith("/") && !/^[/\\](?:[/\\]|%5c|%2f)/i.test(value);
}

/** The href a link may keep, or undefined to drop it. */
export function safeHref(raw: string): string | undefined {
  const value = browserView(raw);
  if (value === "") return undefined;
  const protocol = scheme(value);
  if (protocol) return LINK_PROTOCOLS.has(protocol) ? value : undefined;
  // No scheme: relative, a fragment or a query; a backslash or control character is refused.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

/** The src an image may keep (the console's own paths only), or undefined to drop it. */
export function safeImageSrc(raw: string): string | undefined {
  const value = browserView(raw);
  if (!isOwnPath(value) || /[\\\u0000-\u001f\u007f]/.test(value)) return undefined;
  return value;
}

/** Whether a link leaves the console (opened in a new tab, without a referrer). */
export function isExternalHref(href: string): boolean {
  return scheme(href) !== undefined || href.startsWith("//");
}
