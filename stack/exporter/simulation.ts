import { agentSreSystem } from "./agent-sre.ts";
import { LEARNING_WORKERS } from "./catalog.ts";
import { counterfactualSystem } from "./counterfactual-lab.ts";
import { dcgmSystem } from "./dcgm.ts";
import { IncidentBook, type ActiveIncident } from "./incident-book.ts";
import type { IncidentName, Occurrence } from "./incidents.ts";
import { infernoSystem } from "./inferno.ts";
import type { Moment, SimSystem, Target } from "./kit.ts";
import { learningSystem } from "./learning.ts";
import { neuronetesSystem } from "./neuronetes.ts";
import { opencostSystem } from "./opencost.ts";
import { Noise } from "./random.ts";
import { diurnalLoad } from "./signal.ts";
import { vllmSystem } from "./vllm.ts";

export interface SimulationOptions {
  seed: number;
  fast: boolean;
  /** false: incidents run only when started by hand (tests that want a quiet world). */
  schedule: boolean;
  /** Seconds of the day at start; sets where on the daily traffic wave the run begins. */
  startSecondsOfDay: number;
  /** Seeded runs keep prices exact. */
  deterministic: boolean;
}

export interface DownTarget {
  job: string;
  instance: string;
  /** Seconds since start when the target answers again. */
  until: number;
  reason: "manual" | IncidentName;
}

export interface SimulationState {
  elapsedSeconds: number;
  seed: number;
  fast: boolean;
  schedule: boolean;
  active: ActiveIncident[];
  upcoming: Occurrence[];
  down: DownTarget[];
}

/** Incidents that take scrape targets down while they run. */
const INCIDENT_DOWNS: ReadonlyArray<{ incident: IncidentName; job: string; instances: readonly string[] }> = [
  { incident: "worker-down", job: "learning-worker", instances: LEARNING_WORKERS },
];

function targetKey(job: string, instance: string): string {
  return `${job}/${instance}`;
}

/**
 * The whole demo world on a one-second grid. State at second n depends only on the options
 * and on control calls, never on when or how often anyone scraped: counters integrate each
 * step once, in order, and noise is a function of (seed, series, second).
 */
export class Simulation {
  private readonly incidents: IncidentBook;
  private readonly systems: SimSystem[];
  private readonly targets = new Map<string, Target>();
  private readonly manualDowns = new Map<string, { job: string; instance: string; until: number }>();
  private step = 0;
  private sampledStep = -1;

  constructor(private readonly options: SimulationOptions) {
    const context = { noise: new Noise(options.seed), deterministic: options.deterministic };
    this.incidents = new IncidentBook(options.schedule ? { seed: options.seed, fast: options.fast } : undefined);
    this.systems = [
      agentSreSystem(context),
      learningSystem(context),
      counterfactualSystem(context),
      neuronetesSystem(context),
      infernoSystem(context),
      dcgmSystem(context),
      vllmSystem(context),
      opencostSystem(),
    ];
    for (const system of this.systems) {
      for (const target of system.targets) this.targets.set(targetKey(target.job, target.instance), target);
    }
  }

  hasTarget(job: string, instance: string): boolean {
    return this.targets.has(targetKey(job, instance));
  }

  private moment(t: number): Moment {
    const levels = this.incidents.levels(t);
    return { t, load: diurnalLoad(this.options.startSecondsOfDay + t), level: (name) => levels.get(name) ?? 0 };
  }

  /** Integrates every whole second up to `elapsedSeconds`; time never runs backwards. */
  advanceTo(elapsedSeconds: number): void {
    const target = Math.floor(elapsedSeconds);
    while (this.step < target) {
      this.step += 1;
      const m = this.moment(this.step);
      for (const system of this.systems) system.advance(m);
    }
    if (this.sampledStep !== this.step) {
      const m = this.moment(this.step);
      for (const system of this.systems) system.sample(m);
      this.sampledStep = this.step;
    }
  }

  /** Control calls change what gauges should read at the current second. */
  invalidate(): void {
    this.sampledStep = -1;
  }

  /** Exposition text of one target at `elapsedSeconds`; undefined for an unknown target. */
  async exposition(job: string, instance: string, elapsedSeconds: number): Promise<string | undefined> {
    const target = this.targets.get(targetKey(job, instance));
    if (!target) return undefined;
    this.advanceTo(elapsedSeconds);
    return target.registry.metrics();
  }

  startIncident(name: IncidentName, elapsedSeconds: number, seconds?: number): ActiveIncident {
    const started = this.incidents.start(name, elapsedSeconds, seconds);
    this.invalidate();
    return started;
  }

  clearIncidents(elapsedSeconds: number): void {
    this.incidents.clear(elapsedSeconds);
    this.invalidate();
  }

  setDown(job: string, instance: string, elapsedSeconds: number, seconds: number): void {
    this.manualDowns.set(targetKey(job, instance), { job, instance, until: elapsedSeconds + seconds });
  }

  /** Restores a target taken down by hand; one an incident took down stays down until it ends. */
  setUp(job: string, instance: string): void {
    this.manualDowns.delete(targetKey(job, instance));
  }

  downTargets(elapsedSeconds: number): DownTarget[] {
    const result: DownTarget[] = [];
    for (const down of this.manualDowns.values()) {
      if (down.until > elapsedSeconds) result.push({ ...down, reason: "manual" });
    }
    const active = this.incidents.active(elapsedSeconds);
    for (const rule of INCIDENT_DOWNS) {
      for (const incident of active.filter((entry) => entry.name === rule.incident)) {
        for (const instance of rule.instances) result.push({ job: rule.job, instance, until: incident.end, reason: rule.incident });
      }
    }
    return result;
  }

  isDown(job: string, instance: string, elapsedSeconds: number): boolean {
    return this.downTargets(elapsedSeconds).some((down) => down.job === job && down.instance === instance);
  }

  state(elapsedSeconds: number): SimulationState {
    return {
      elapsedSeconds,
      seed: this.options.seed,
      fast: this.options.fast,
      schedule: this.options.schedule,
      active: this.incidents.active(elapsedSeconds),
      upcoming: this.incidents.upcoming(elapsedSeconds, 5),
      down: this.downTargets(elapsedSeconds),
    };
  }
}

