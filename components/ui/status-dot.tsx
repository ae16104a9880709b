export interface StatusDotProps {
  state: "ok" | "down" | "unknown";
}

const COLOURS: Record<StatusDotProps["state"], string> = {
  ok: "bg-ok",
  down: "bg-critical",
  unknown: "bg-slate-500",
};

/** A coloured dot with a text equivalent for screen readers. */
export function StatusDot({ state }: StatusDotProps) {
  return (
    <span className="mt-1.5 inline-flex shrink-0">
      <span aria-hidden className={`h-2 w-2 rounded-full ${COLOURS[state]}`} />
      <span className="sr-only">{state === "ok" ? "up" : state}</span>
    </span>
  );
}
