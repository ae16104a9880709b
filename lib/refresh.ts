export const REFRESH_OPTIONS = ["off", "5s", "10s", "30s", "1m", "5m"] as const;
export type RefreshOption = (typeof REFRESH_OPTIONS)[number];
export const DEFAULT_REFRESH: RefreshOption = "10s";

const MILLISECONDS: Record<RefreshOption, number | false> = {
  off: false,
  "5s": 5_000,
  "10s": 10_000,
  "30s": 30_000,
  "1m": 60_000,
  "5m": 300_000,
};

/** The refresh option named in the URL, or the default when it is missing or unknown. */
export function parseRefresh(value: string | null | undefined): RefreshOption {
  return REFRESH_OPTIONS.find((option) => option === value) ?? DEFAULT_REFRESH;
}

/** The TanStack Query refetchInterval for an option: milliseconds, or false for off. */
export function refreshInterval(option: RefreshOption): number | false {
  return MILLISECONDS[option];
}
