"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { TRAFFIC_LEGEND, TRAFFIC_QUERY, TRAFFIC_RANGE_SECONDS } from "@/lib/overview/queries";
import { chooseStep } from "@/lib/prometheus/step";
import { matrixToChart } from "@/lib/prometheus/transform";
import { rangeQuery } from "@/lib/queries/prometheus";
import { formatNumber } from "@/lib/format";
import { Panel } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";

export interface TrafficPanelProps {
  refetchInterval: number | false;
}

// The chart spans about two thirds of a laptop screen; one point per pixel is plenty.
const STEP = chooseStep({ rangeSeconds: TRAFFIC_RANGE_SECONDS, widthPx: 720, minStepSeconds: 5 });

/** Requests per second of each demo system over the last hour, live. */
export function TrafficPanel({ refetchInterval }: TrafficPanelProps) {
  const query = useQuery(rangeQuery(TRAFFIC_QUERY, TRAFFIC_RANGE_SECONDS, STEP, refetchInterval));
  const chart = useMemo(() => (query.data ? matrixToChart(query.data.data, TRAFFIC_LEGEND) : undefined), [query.data]);
  return (
    <Panel title="Traffic" description={`Requests per second by system, last hour, ${STEP}s step`}>
      <QueryState
        query={query}
        errorTitle="Could not query Prometheus"
        loadingLabel="Loading traffic"
        isEmpty={() => !chart || chart.series.length === 0}
        empty="No request metrics yet. Prometheus has not scraped any of the systems this chart knows."
      >
        {() =>
          chart ? (
            <TimeSeriesChart
              rows={chart.rows}
              series={chart.series}
              label="Requests per second by system"
              formatValue={(value) => `${formatNumber(value)}/s`}
            />
          ) : null
        }
      </QueryState>
      {query.data?.warnings.length ? (
        <p className="mt-2 text-xs text-amber-300">Prometheus warned: {query.data.warnings.join("; ")}</p>
      ) : null}
    </Panel>
  );
}
