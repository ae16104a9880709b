import type { ReactNode } from "react";
import { MonitoringNav } from "@/components/monitoring/monitoring-nav";

/** Targets, rules, cardinality, routing, test alerts and the console's own health, under one tab bar. */
export default function MonitoringLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <MonitoringNav />
      {children}
    </>
  );
}
