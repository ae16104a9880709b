import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { FleetOverview } from "@/lib/gpu/fetch-fleet";
import type { Heatmap } from "@/lib/gpu/heatmap";
import { fetchJson } from "./fetch-json";

export const gpuKeys = {
  all: ["gpus"] as const,
  fleet: (rangeSeconds: number) => [...gpuKeys.all, "fleet", { rangeSeconds }] as const,
  heatmap: (rangeSeconds: number) => [...gpuKeys.all, "heatmap", { rangeSeconds }] as const,
};

export function fleetQuery(rangeSeconds: number, refetchInterval: number | false) {
  return queryOptions({
    queryKey: gpuKeys.fleet(rangeSeconds),
    queryFn: ({ signal }) => fetchJson<FleetOverview>(`/api/gpus?range=${rangeSeconds}`, signal),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
}

export function heatmapQuery(rangeSeconds: number, refetchInterval: number | false) {
  return queryOptions({
    queryKey: gpuKeys.heatmap(rangeSeconds),
    queryFn: ({ signal }) => fetchJson<Heatmap>(`/api/gpus/heatmap?range=${rangeSeconds}`, signal),
    refetchInterval,
    placeholderData: keepPreviousData,
  });
}
