import { infiniteQueryOptions } from "@tanstack/react-query";
import { auditPageSchema, filterQueryString, type AuditFilterParams } from "@/lib/validations/audit";
import { getJson } from "./send-json";

export const auditKeys = {
  all: ["audit"] as const,
  list: (filters: AuditFilterParams, pageSize: number) => [...auditKeys.all, "list", filters, pageSize] as const,
};

/** The audit log under the given filters, `pageSize` rows at a time ("Load more" fetches the next). */
export function auditQuery(filters: AuditFilterParams, pageSize: number) {
  return infiniteQueryOptions({
    queryKey: auditKeys.list(filters, pageSize),
    queryFn: ({ pageParam, signal }) =>
      getJson(`/api/audit?${filterQueryString(filters, { limit: String(pageSize), ...(pageParam ? { cursor: pageParam } : {}) })}`, auditPageSchema, signal),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The CSV export of everything the filters select. */
export function auditExportUrl(filters: AuditFilterParams): string {
  const query = filterQueryString(filters);
  return `/api/audit/export.csv${query ? `?${query}` : ""}`;
}
