import { DEFAULT_SOURCE_NAME } from "@/lib/validations/prometheus";

/**
 * One of our /api/prometheus/... URLs asking a named source: `source=` added (or replaced), left
 * out for the default source so URLs read as they did before there were several.
 */
export function withSource(url: string, source: string | undefined): string {
  const hashAt = url.indexOf("#");
  const base = hashAt >= 0 ? url.slice(0, hashAt) : url;
  const hash = hashAt >= 0 ? url.slice(hashAt) : "";
  const queryAt = base.indexOf("?");
  const path = queryAt >= 0 ? base.slice(0, queryAt) : base;
  const params = new URLSearchParams(queryAt >= 0 ? base.slice(queryAt + 1) : "");
  params.delete("source");
  if (source !== undefined && source !== DEFAULT_SOURCE_NAME) params.set("source", source);
  const query = params.toString();
  return `${path}${query ? `?${query}` : ""}${hash}`;
}
