"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Variable } from "@/lib/dashboards/schema";
import { resolveVariables, variableValuesOf, type ResolvedVariable } from "@/lib/dashboards/variables";
import type { VariableValues } from "@/lib/dashboards/interpolate";
import { dashboardKeys, fetchVariableOptions } from "@/lib/queries/dashboards";

export interface DashboardVariablesState {
  resolved: ResolvedVariable[];
  values: VariableValues;
  ready: boolean;
  error?: string;
}

/**
 * Resolves the variables in order (chained ones see the selections before them). Each option
 * lookup is cached on its own key for a minute, so changing one selection only asks again for
 * the variables that depend on it.
 */
export function useDashboardVariables(
  variables: Variable[],
  selections: Record<string, string[]>,
  fromMs: number,
  toMs: number,
  sources: { configured: readonly string[] | undefined; dashboardDatasource: string | undefined },
): DashboardVariablesState {
  const client = useQueryClient();
  // A datasource variable's options are the configured sources: wait for them (the default alone if they cannot be had).
  const needsSources = variables.some((variable) => variable.type === "datasource");
  const configured = sources.configured ?? ["default"];
  // Option lookups cover the range rounded to minutes so every refresh does not ask again.
  const start = Math.floor(fromMs / 60_000) * 60;
  const end = Math.ceil(toMs / 60_000) * 60;
  const query = useQuery({
    queryKey: [...dashboardKeys.all, "variables", variables, selections, start, end, configured, sources.dashboardDatasource ?? null],
    // Option lookups are shared between resolutions, so each uses its own signal, not this one's.
    queryFn: () =>
      resolveVariables(
        variables,
        selections,
        (variableQuery, source) =>
          client.fetchQuery({
            queryKey: dashboardKeys.variable(variableQuery, source, start, end),
            queryFn: ({ signal }) => fetchVariableOptions(variableQuery, source, start, end, signal),
            staleTime: 60_000,
          }),
        { configured, dashboardDatasource: sources.dashboardDatasource },
      ),
    enabled: variables.length > 0 && (!needsSources || sources.configured !== undefined),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: 1,
  });
  return useMemo(() => {
    if (variables.length === 0) return { resolved: [], values: {}, ready: true };
    const resolved = query.data ?? [];
    // If resolving fails outright, panels still run (their `$var`s unexpanded make Prometheus say what is wrong).
    return { resolved, values: variableValuesOf(resolved, variables), ready: query.data !== undefined || query.isError, error: query.error?.message };
  }, [query.data, query.isError, query.error, variables]);
}
