import { useId, type ReactNode } from "react";

export interface PanelProps {
  title: string;
  description?: string;
  actions?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** A titled card; screen readers and tests find it by its title (a region named by the heading). */
export function Panel({ title, description, actions, className = "", children }: PanelProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={`rounded-lg border border-edge bg-panel p-4 ${className}`}>
      <div className="mb-3 flex items-start justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-sm font-semibold text-white">
            {title}
          </h2>
          {description ? <p className="text-xs text-slate-400">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}

export interface PanelMessageProps {
  children: ReactNode;
}

export function PanelLoading({ label }: { label: string }) {
  return (
    <div role="status" aria-label={label} className="space-y-2">
      <div className="h-4 w-2/3 animate-pulse rounded bg-edge" />
      <div className="h-4 w-1/2 animate-pulse rounded bg-edge" />
      <div className="h-4 w-3/4 animate-pulse rounded bg-edge" />
    </div>
  );
}

export function PanelEmpty({ children }: PanelMessageProps) {
  return <p className="py-6 text-center text-sm text-slate-400">{children}</p>;
}

export interface PanelErrorProps {
  title: string;
  message: string;
  /** Shown when the panel still displays data from before the failure. */
  staleSince?: number;
}

export function PanelError({ title, message, staleSince }: PanelErrorProps) {
  return (
    <div role="alert" className="mb-3 rounded border border-critical/40 bg-critical/10 px-3 py-2 text-sm">
      <p className="font-medium text-rose-200">{title}</p>
      <p className="mt-0.5 break-words text-rose-100/90">{message}</p>
      {staleSince ? (
        <p className="mt-1 text-xs text-rose-100/70">
          Showing data from {new Date(staleSince).toLocaleTimeString()}; retrying on the refresh interval.
        </p>
      ) : null}
    </div>
  );
}
