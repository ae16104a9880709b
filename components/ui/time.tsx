export interface TimeProps {
  /** An ISO 8601 instant, or null for "never". */
  iso: string | null;
  never?: string;
}

/** An instant in the reader's time zone, to the minute, with the exact UTC time on hover. */
export function Time({ iso, never = "never" }: TimeProps) {
  if (!iso) return <span className="text-slate-500">{never}</span>;
  const date = new Date(iso);
  const local = date.toLocaleString(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
  return (
    <time dateTime={iso} title={iso}>
      {local}
    </time>
  );
}
