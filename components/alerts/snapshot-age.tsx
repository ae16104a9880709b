export interface SnapshotAgeProps {
  /** When the server read the alerts from Alertmanager (ISO 8601). */
  asOf: string;
  /** The server is reading a newer list; the page asks for it on its own. */
  refreshing: boolean;
}

/** When the alerts shown were read: the server keeps the latest read warm and serves page loads from it. */
export function SnapshotAge({ asOf, refreshing }: SnapshotAgeProps) {
  const time = new Date(asOf).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  return (
    <p className="text-xs text-slate-400" aria-live="polite">
      Alerts as of{" "}
      <time dateTime={asOf} title={asOf}>
        {time}
      </time>
      {refreshing ? <span className="text-slate-500"> · updating…</span> : null}
    </p>
  );
}
