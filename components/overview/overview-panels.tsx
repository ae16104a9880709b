"use client";

import { useRefresh } from "@/components/ui/refresh-picker";
import { FiringAlertsPanel } from "./firing-alerts-panel";
import { TargetsPanel } from "./targets-panel";
import { TrafficPanel } from "./traffic-panel";
import { UpstreamHealthPanel } from "./upstream-health-panel";

/** The overview's panels, each loading, failing and refreshing on its own. */
export function OverviewPanels() {
  const { interval } = useRefresh();
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <div className="lg:col-span-2">
        <TrafficPanel refetchInterval={interval} />
      </div>
      <UpstreamHealthPanel refetchInterval={interval} />
      <div className="lg:col-span-2">
        <FiringAlertsPanel refetchInterval={interval} />
      </div>
      <TargetsPanel refetchInterval={interval} />
    </div>
  );
}
