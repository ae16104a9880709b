export type TargetHealth = "up" | "down" | "unknown";

/** The fields of an active target from /api/v1/targets that the summary reads. */
export interface ActiveTargetInput {
  labels: Record<string, string>;
  scrapePool: string;
  scrapeUrl: string;
  health: string;
  lastError: string;
  lastScrape: string;
  lastScrapeDuration: number;
}

export interface TargetRow {
  instance: string;
  health: TargetHealth;
  lastError: string;
  lastScrape: string;
  scrapeDurationSeconds: number;
  scrapeUrl: string;
}

export interface JobSummary {
  job: string;
  up: number;
  down: number;
  unknown: number;
  targets: TargetRow[];
}

export interface TargetsSummary {
  totals: { up: number; down: number; unknown: number };
  jobs: JobSummary[];
}

function health(value: string): TargetHealth {
  return value === "up" || value === "down" ? value : "unknown";
}

/**
 * Groups targets by job. Jobs with a target down come first, then by name, so the
 * problem is at the top; within a job, down targets lead.
 */
export function summarizeTargets(targets: ActiveTargetInput[]): TargetsSummary {
  const jobs = new Map<string, JobSummary>();
  const totals = { up: 0, down: 0, unknown: 0 };
  for (const target of targets) {
    const job = target.labels.job ?? target.scrapePool;
    const summary = jobs.get(job) ?? { job, up: 0, down: 0, unknown: 0, targets: [] };
    const row: TargetRow = {
      instance: target.labels.instance ?? target.scrapeUrl,
      health: health(target.health),
      lastError: target.lastError,
      lastScrape: target.lastScrape,
      scrapeDurationSeconds: target.lastScrapeDuration,
      scrapeUrl: target.scrapeUrl,
    };
    summary[row.health] += 1;
    totals[row.health] += 1;
    summary.targets.push(row);
    jobs.set(job, summary);
  }
  const rank: Record<TargetHealth, number> = { down: 0, unknown: 1, up: 2 };
  const sorted = [...jobs.values()].map((job) => ({
    ...job,
    targets: job.targets.sort((a, b) => rank[a.health] - rank[b.health] || a.instance.localeCompare(b.instance)),
  }));
  sorted.sort((a, b) => Number(b.down > 0) - Number(a.down > 0) || a.job.localeCompare(b.job));
  return { totals, jobs: sorted };
}
