import type { InstanceState } from "@/lib/silences/types";

/** One banner per Alertmanager that could not be reached; the others' answers are still shown. */
export function InstanceBanners({ instances }: { instances: readonly InstanceState[] }) {
  const down = instances.filter((instance) => !instance.ok);
  if (down.length === 0) return null;
  return (
    <div className="space-y-2">
      {down.map((instance) => (
        <div key={instance.instance} role="alert" className="rounded border border-warning/40 bg-warning/10 px-3 py-2 text-sm text-amber-100">
          <p className="font-medium">Alertmanager {instance.instance} could not be reached; showing what the other instances hold.</p>
          {instance.error ? <p className="mt-0.5 break-words text-amber-100/80">{instance.error}</p> : null}
        </div>
      ))}
    </div>
  );
}
