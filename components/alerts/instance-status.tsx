import type { InstanceState } from "@/lib/alerts/types";
import { PanelError } from "@/components/ui/panel";
import { StatusDot } from "@/components/ui/status-dot";

export interface InstanceStatusProps {
  instances: InstanceState[];
}

/** One line per Alertmanager with its cluster state, and a banner for each that cannot be reached. */
export function InstanceStatus({ instances }: InstanceStatusProps) {
  return (
    <div className="mb-3">
      {instances
        .filter((instance) => !instance.ok)
        .map((instance) => (
          <PanelError key={instance.instance} title={`Alertmanager ${instance.instance} is unreachable`} message={`${instance.error ?? ""} Its alerts may be missing below; the other instances are shown.`} />
        ))}
      <ul aria-label="Alertmanager instances" className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-slate-400">
        {instances.map((instance) => (
          <li key={instance.instance} className="flex items-start gap-1.5">
            <StatusDot state={instance.ok ? "ok" : "down"} />
            <span className="text-slate-300">{instance.instance}</span>
            {instance.ok ? (
              <span>
                {instance.cluster ? `cluster ${instance.cluster.status}, ${instance.cluster.peers} peer${instance.cluster.peers === 1 ? "" : "s"}` : "cluster status unknown"}
                {instance.version ? ` · v${instance.version}` : ""}
              </span>
            ) : (
              <span className="text-rose-300">unreachable</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
