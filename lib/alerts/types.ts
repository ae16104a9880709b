import type { MergedAlert } from "@/lib/alertmanager/merge";

/** An acknowledgement as the alert list shows it. */
export interface AlertAcknowledgement {
  id: string;
  by: string;
  at: string;
  note: string | null;
  expiresAt: string | null;
  /** True once expiresAt has passed: shown as expired, and the alert counts as unacknowledged. */
  expired: boolean;
  silenceId: string | null;
}

/** An alert of the list: merged across instances, with its acknowledgement for this firing episode. */
export type ListedAlert = MergedAlert & { acknowledgement: AlertAcknowledgement | null };

/** One Alertmanager instance: whether it answered and what it says of its cluster. */
export interface InstanceState {
  instance: string;
  ok: boolean;
  error?: string;
  /** From GET /api/v2/status; absent when the status call failed. */
  cluster?: { status: "ready" | "settling" | "disabled"; name?: string; peers: number };
  version?: string;
}

export interface AlertsOverview {
  /** The stable name of the configured Alertmanager cluster (see lib/alerts/cluster.ts). */
  cluster: string;
  alerts: ListedAlert[];
  instances: InstanceState[];
  /** When the alerts were read from Alertmanager (the server keeps the latest answer warm). */
  asOf: string;
  /** A newer read is under way on the server: asking again in a moment gets it. */
  refreshing: boolean;
}
