import {
  currentOrNextOccurrence,
  incidentLevel,
  incidentSpec,
  scheduledAt,
  scheduledOccurrence,
  type IncidentName,
  type Occurrence,
  type ScheduleOptions,
} from "./incidents.ts";

export interface ActiveIncident {
  name: IncidentName;
  source: "schedule" | "manual";
  /** Seconds since the exporter started. */
  start: number;
  end: number;
  level: number;
}

/** Which incidents run when: the rotating schedule plus incidents started and cleared by hand. */
export class IncidentBook {
  private manual: Array<{ name: IncidentName; start: number; end: number }> = [];
  private readonly cancelled = new Set<number>();

  /** `schedule` undefined: only incidents started by hand ever run. */
  constructor(private readonly schedule: ScheduleOptions | undefined) {}

  start(name: IncidentName, t: number, seconds = incidentSpec(name).seconds): ActiveIncident {
    const start = Math.floor(t);
    const entry = { name, start, end: start + seconds };
    this.manual = this.manual.filter((incident) => incident.end > t);
    this.manual.push(entry);
    return { ...entry, source: "manual", level: incidentLevel(entry, t) };
  }

  /** Ends manual incidents and cancels the scheduled one running now; later ones still come. */
  clear(t: number): void {
    this.manual = [];
    const running = this.schedule ? scheduledAt(t, this.schedule) : undefined;
    if (running) this.cancelled.add(running.index);
  }

  active(t: number): ActiveIncident[] {
    const result: ActiveIncident[] = [];
    const scheduled = this.schedule ? scheduledAt(t, this.schedule) : undefined;
    if (scheduled && !this.cancelled.has(scheduled.index)) {
      result.push({ name: scheduled.name, source: "schedule", start: scheduled.start, end: scheduled.end, level: incidentLevel(scheduled, t) });
    }
    for (const incident of this.manual) {
      const level = incidentLevel(incident, t);
      if (level > 0) result.push({ ...incident, source: "manual", level });
    }
    return result;
  }

  /** The strongest level of each running incident at `t`. */
  levels(t: number): Map<IncidentName, number> {
    const levels = new Map<IncidentName, number>();
    for (const incident of this.active(t)) {
      levels.set(incident.name, Math.max(levels.get(incident.name) ?? 0, incident.level));
    }
    return levels;
  }

  /** The next `count` scheduled incidents that start after `t`. */
  upcoming(t: number, count: number): Occurrence[] {
    if (!this.schedule) return [];
    const result: Occurrence[] = [];
    let index = currentOrNextOccurrence(t, this.schedule).index;
    while (result.length < count) {
      const occurrence = scheduledOccurrence(index, this.schedule);
      if (occurrence.start > t && !this.cancelled.has(index)) result.push(occurrence);
      index += 1;
    }
    return result;
  }
}
