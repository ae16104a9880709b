/**
 * The stable name of the configured Alertmanager cluster, which acknowledgements and alert history
 * are keyed by (fingerprints are only unique within one cluster): the instances' host:port and path,
 * sorted and joined with ",". The same ALERTMANAGER_URLS in any order, on any console, give the same
 * name; adding or replacing a peer starts a new name.
 */
export function clusterName(urls: readonly string[]): string {
  const members = urls.map((url) => {
    try {
      const parsed = new URL(url);
      const path = parsed.pathname.replace(/\/+$/, "");
      return `${parsed.host}${path}`;
    } catch {
      return url.trim();
    }
  });
  return [...new Set(members)].sort().join(",");
}
