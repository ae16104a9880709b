"use client";

import { createContext, useContext } from "react";
import type { VariableValues } from "@/lib/dashboards/interpolate";

/** What every panel of a dashboard shares: the evaluated range, the variables, and how to zoom. */
export interface DashboardContextValue {
  fromMs: number;
  toMs: number;
  timeZone: "browser" | "utc";
  scrapeIntervalSeconds: number;
  variables: VariableValues;
  /** The dashboard's source reference (a name or `${DS}`); panels without their own ask it. */
  datasource?: string;
  /** Names of the configured sources; undefined until known (panels then just ask, and the server says no). */
  sources?: readonly string[];
  /** False until variables are resolved: panels wait rather than query with unexpanded `$var`s. */
  ready: boolean;
  /** Bumped by every refresh (manual or automatic): part of each panel query's key. */
  refresh: number;
  onZoom: (fromMs: number, toMs: number) => void;
}

export const DashboardContext = createContext<DashboardContextValue | null>(null);

export function useDashboardContext(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("A dashboard panel was rendered outside a DashboardContext provider");
  return value;
}
