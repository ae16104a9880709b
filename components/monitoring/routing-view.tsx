"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { formatMatchers } from "@/lib/alertmanager/matchers";
import { groupLabels, matchRoutes, parseLabelInput, type ReceiverSummary, type RouteNode, type RoutingConfig, type Setting } from "@/lib/monitoring/routing";
import type { InstanceRouting } from "@/lib/monitoring/server";
import { routingQuery } from "@/lib/queries/monitoring";
import { Panel, PanelError } from "@/components/ui/panel";
import { QueryState } from "@/components/ui/query-state";
import { useRefresh } from "@/components/ui/refresh-picker";
import { useSearchParam } from "./use-search-param";

/** Each Alertmanager's routing tree, a route tester and the inhibition rules. */
export function RoutingView() {
  const { interval } = useRefresh();
  const query = useQuery(routingQuery(interval));
  const [instanceParam, setInstance] = useSearchParam("am");
  return (
    <QueryState query={query} errorTitle="Could not load the configuration from Alertmanager" loadingLabel="Loading routing" isEmpty={(data) => data.instances.length === 0} empty="No Alertmanager is configured (ALERTMANAGER_URLS).">
      {(data) => <RoutingInstances instances={data.instances} selected={instanceParam} onSelect={setInstance} />}
    </QueryState>
  );
}

interface RoutingInstancesProps {
  instances: InstanceRouting[];
  selected: string;
  onSelect: (instance: string | undefined) => void;
}

function RoutingInstances({ instances, selected, onSelect }: RoutingInstancesProps) {
  const working = instances.filter((instance): instance is Extract<InstanceRouting, { ok: true }> => instance.ok);
  const current = working.find((instance) => instance.instance === selected) ?? working[0];
  const differ = new Set(working.map((instance) => JSON.stringify(instance.config))).size > 1;
  return (
    <div className="space-y-4">
      {instances.map((instance) =>
        instance.ok ? null : <PanelError key={instance.instance} title={`Alertmanager ${instance.instance} gave no routing`} message={instance.error} />,
      )}
      {working.length > 1 ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-2 text-xs text-slate-400">
            Alertmanager
            <select value={current?.instance ?? ""} onChange={(event) => onSelect(event.target.value)} className="rounded border border-edge bg-surface px-2 py-1 text-slate-200">
              {working.map((instance) => (
                <option key={instance.instance} value={instance.instance}>
                  {instance.instance} (v{instance.version})
                </option>
              ))}
            </select>
          </label>
          {differ ? (
            <p role="status" className="text-xs text-amber-300">
              The Alertmanagers of this cluster run different routing configurations: alerts may be routed differently depending on which one notifies.
            </p>
          ) : (
            <p className="text-xs text-slate-500">All {working.length} Alertmanagers run the same routing.</p>
          )}
        </div>
      ) : null}
      {current ? <RoutingConfigView config={current.config} instance={current.instance} /> : null}
    </div>
  );
}

function RoutingConfigView({ config, instance }: { config: RoutingConfig; instance: string }) {
  const [labelsParam, setLabelsParam] = useSearchParam("labels");
  const parsed = useMemo(() => (labelsParam.trim() === "" ? undefined : parseLabelInput(labelsParam)), [labelsParam]);
  const match = useMemo(() => (parsed?.ok ? matchRoutes(config.route, parsed.value) : undefined), [parsed, config.route]);
  const receivers = useMemo(() => new Map(config.receivers.map((receiver) => [receiver.name, receiver])), [config.receivers]);
  const matchedIds = useMemo(() => new Set(match?.routes.map((route) => route.id) ?? []), [match]);
  const visited = useMemo(() => new Set(match?.visited ?? []), [match]);

  return (
    <>
      <Panel title="Route tester" description="Type an alert's labels to see where Alertmanager would send it (its own matching: depth-first, first matching child unless continue).">
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const value = new FormData(event.currentTarget).get("labels");
            setLabelsParam(typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
          }}
        >
          <label className="flex flex-1 flex-col gap-1 text-xs text-slate-400">
            Alert labels
            <input
              key={labelsParam}
              name="labels"
              defaultValue={labelsParam}
              placeholder='alertname="HighLatency", severity="critical", service="inferno"'
              className="min-w-72 rounded border border-edge bg-surface px-3 py-1.5 font-mono text-sm text-white outline-none focus:border-info"
            />
          </label>
          <button type="submit" className="rounded bg-info/80 px-3 py-1.5 text-sm font-medium text-slate-950 hover:bg-info">
            Test routing
          </button>
        </form>
        {parsed && !parsed.ok ? (
          <p role="alert" className="mt-2 text-sm text-rose-300">
            {parsed.error}
          </p>
        ) : null}
        {match && parsed?.ok ? (
          <section aria-label="Routing result" className="mt-3 space-y-2 text-sm">
            <p className="text-slate-300">
              Reaches{" "}
              {match.receivers.map((name, index) => (
                <span key={name}>
                  {index > 0 ? ", " : ""}
                  <strong className="text-white">{name}</strong>
                  <ReceiverKinds receiver={receivers.get(name)} />
                </span>
              ))}{" "}
              through {match.routes.length === 1 ? "route" : "routes"} {match.routes.map((route) => route.id).join(", ")} (on {instance}).
            </p>
            <ul className="space-y-1 text-xs">
              {match.routes.map((route) => (
                <li key={route.id} className="rounded border border-ok/40 bg-ok/10 px-2 py-1">
                  <span className="font-medium text-white">{route.id}</span> → {route.receiver.value} · grouped by {formatGroupBy(route.groupBy)} as{" "}
                  <code>{JSON.stringify(groupLabels(route, parsed.value))}</code> · wait {route.groupWait.value}, interval {route.groupInterval.value}, repeat {route.repeatInterval.value}
                  {route.muteTimeIntervals.length ? ` · muted during ${route.muteTimeIntervals.join(", ")}` : ""}
                  {route.activeTimeIntervals.length ? ` · active only during ${route.activeTimeIntervals.join(", ")}` : ""}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </Panel>

      <Panel title="Routing tree" description={`As loaded by ${instance}. Dimmed settings are inherited from the parent route.`}>
        <ul aria-label="Routing tree" className="text-sm">
          <RouteItem route={config.route} receivers={receivers} matched={matchedIds} visited={visited} />
        </ul>
      </Panel>

      <div className="grid gap-4 lg:grid-cols-2">
        <Panel title="Inhibition rules" description="While a source alert fires, target alerts with the same values of the equal labels are muted.">
          {config.inhibitRules.length === 0 ? (
            <p className="text-sm text-slate-400">No inhibition rules.</p>
          ) : (
            <ol aria-label="Inhibition rules" className="space-y-2 text-xs">
              {config.inhibitRules.map((rule, index) => (
                <li key={index} className="rounded border border-edge px-2 py-1.5">
                  <p>
                    <span className="text-slate-500">source </span>
                    <code className="text-slate-200">{formatMatchers(rule.sourceMatchers)}</code>
                  </p>
                  <p>
                    <span className="text-slate-500">mutes </span>
                    <code className="text-slate-200">{formatMatchers(rule.targetMatchers)}</code>
                  </p>
                  <p className="text-slate-400">equal: {rule.equal.length ? rule.equal.join(", ") : "(none: any source mutes every target)"}</p>
                </li>
              ))}
            </ol>
          )}
        </Panel>
        <Panel title="Receivers" description="Names and kinds of integration only; their settings (URLs, keys) are never shown.">
          <ul aria-label="Receivers" className="space-y-1 text-sm">
            {config.receivers.map((receiver) => (
              <li key={receiver.name}>
                <span className="text-white">{receiver.name}</span>
                <ReceiverKinds receiver={receiver} />
              </li>
            ))}
          </ul>
          {config.timeIntervals.length ? <p className="mt-2 text-xs text-slate-400">Time intervals: {config.timeIntervals.join(", ")}</p> : null}
        </Panel>
      </div>
    </>
  );
}

function ReceiverKinds({ receiver }: { receiver: ReceiverSummary | undefined }) {
  if (!receiver) return <span className="text-xs text-rose-300"> (not defined)</span>;
  const kinds = receiver.integrations.map((integration) => (integration.count > 1 ? `${integration.type} ×${integration.count}` : integration.type));
  return <span className="text-xs text-slate-400"> ({kinds.length ? kinds.join(", ") : "no integrations: drops notifications"})</span>;
}

function formatGroupBy(setting: Setting<string[] | "all">): string {
  if (setting.value === "all") return "every label";
  return setting.value.length ? setting.value.join(", ") : "nothing (one group)";
}

function SettingText({ name, setting }: { name: string; setting: Setting<string> }) {
  return (
    <span className={setting.inherited ? "text-slate-500" : "text-slate-300"}>
      {name} {setting.value}
    </span>
  );
}

interface RouteItemProps {
  route: RouteNode;
  receivers: Map<string, ReceiverSummary>;
  matched: Set<string>;
  visited: Set<string>;
}

function RouteItem({ route, receivers, matched, visited }: RouteItemProps) {
  const isMatch = matched.has(route.id);
  const onPath = visited.has(route.id);
  return (
    <li aria-label={`route ${route.id}`} className={route.depth > 0 ? "mt-1 border-l border-edge pl-4" : ""}>
      <div className={`rounded px-2 py-1 ${isMatch ? "border border-ok/50 bg-ok/10" : onPath ? "bg-edge/60" : ""}`}>
        <div className="flex flex-wrap items-baseline gap-x-2">
          <span className="text-xs text-slate-500">{route.id}</span>
          <code className="text-slate-200">{route.matchers.length ? formatMatchers(route.matchers) : route.depth === 0 ? "every alert" : "{} (matches all)"}</code>
          <span>→</span>
          <span className={route.receiver.inherited ? "text-slate-400" : "font-medium text-white"}>{route.receiver.value || "(no receiver)"}</span>
          <ReceiverKinds receiver={receivers.get(route.receiver.value)} />
          {route.continue ? <span className="rounded bg-info/20 px-1 text-xs text-sky-200">continue</span> : null}
          {isMatch ? <span className="rounded bg-ok/30 px-1 text-xs text-emerald-100">matched</span> : null}
        </div>
        <div className="flex flex-wrap gap-x-3 text-xs">
          <span className={route.groupBy.inherited ? "text-slate-500" : "text-slate-300"}>group by {formatGroupBy(route.groupBy)}</span>
          <SettingText name="wait" setting={route.groupWait} />
          <SettingText name="interval" setting={route.groupInterval} />
          <SettingText name="repeat" setting={route.repeatInterval} />
          {route.muteTimeIntervals.length ? <span className="text-amber-200">muted during {route.muteTimeIntervals.join(", ")}</span> : null}
          {route.activeTimeIntervals.length ? <span className="text-amber-200">active during {route.activeTimeIntervals.join(", ")}</span> : null}
        </div>
      </div>
      {route.routes.length ? (
        <ul>
          {route.routes.map((child) => (
            <RouteItem key={child.id} route={child} receivers={receivers} matched={matched} visited={visited} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
