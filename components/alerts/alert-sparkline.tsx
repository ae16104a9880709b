"use client";

import { useQuery } from "@tanstack/react-query";
import { matrixToChart } from "@/lib/prometheus/transform";
import { sparklineQuery } from "@/lib/queries/alerts";
import { PanelError, PanelLoading } from "@/components/ui/panel";
import { TimeSeriesChart } from "@/components/ui/time-series-chart";

export interface AlertSparklineProps {
  expr: string;
  startsAt: string;
}

/** The alert's expression from an hour before it started, through the console's Prometheus proxy. */
export function AlertSparkline({ expr, startsAt }: AlertSparklineProps) {
  const query = useQuery(sparklineQuery(expr, startsAt));
  if (query.isPending) return <PanelLoading label="Loading the expression" />;
  if (query.isError) return <PanelError title="Could not query the alert's expression" message={query.error.message} />;
  const chart = matrixToChart(query.data.data);
  if (chart.series.length === 0) return <p className="text-sm text-slate-500">The expression returns no data now: the condition may have cleared.</p>;
  return <TimeSeriesChart rows={chart.rows} series={chart.series.slice(0, 10)} height={140} label={`The expression ${expr} around the alert's start`} />;
}
