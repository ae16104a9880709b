import { LEARNING_API_INSTANCE, LEARNING_WORKERS, RQ_EXPORTER_INSTANCE } from "./catalog.ts";
import { HistogramSeries, SLOW_SECONDS_BUCKETS, Tally, Target, type SimSystem, type SystemContext } from "./kit.ts";
import { logNormal } from "./random.ts";
import { clamp, round } from "./signal.ts";

const AGENTS = [
  { id: "sre-agent", feedbackPerSecond: 0.4, rating: 4.2 },
  { id: "support-agent", feedbackPerSecond: 0.6, rating: 3.9 },
  { id: "code-review-agent", feedbackPerSecond: 0.3, rating: 4.4 },
] as const;
const FEEDBACK_TYPES = [
  ["thumbs_up", 0.55],
  ["thumbs_down", 0.15],
  ["rating", 0.22],
  ["correction", 0.08],
] as const;

/** Each queue feeds one or more job types; rates are jobs per second at peak load. */
const QUEUES = [
  { queue: "high", jobs: [{ jobType: "embed_feedback", rate: 0.3, median: 0.7, p95: 1.8 }] },
  {
    queue: "default",
    jobs: [
      { jobType: "extract_examples", rate: 0.08, median: 3.5, p95: 9 },
      { jobType: "evaluate_agent", rate: 0.015, median: 22, p95: 55 },
    ],
  },
  { queue: "low", jobs: [{ jobType: "export_dataset", rate: 0.005, median: 50, p95: 110 }] },
] as const;
const FAILED_SHARE = 0.02;
/** Jobs per second per queue that recovered workers burn through a backlog with. */
const DRAIN_PER_SECOND = 2;
const WORKER_COUNT = LEARNING_WORKERS.length;

/** The agent learning system (seed 001): jobs "learning-api" and "learning-worker" (an RQ exporter plus two workers). */
export function learningSystem({ noise }: SystemContext): SimSystem {
  const api = new Target("learning-api", LEARNING_API_INSTANCE);
  const feedback = api.counter("agent_feedback_total", "Total feedback submissions", ["feedback_type", "agent_id"]);
  const rating = api.gauge("agent_feedback_rating", "Current feedback rating", ["agent_id"]);
  const pending = api.gauge("learning_examples_pending", "Learning examples waiting for annotation");
  const approved = api.gauge("learning_examples_approved", "Learning examples approved for training");
  const rejected = api.gauge("learning_examples_rejected", "Learning examples rejected by annotators");
  const feedbackTallies = AGENTS.flatMap((agent) =>
    FEEDBACK_TYPES.map(([feedback_type, share]) => ({ rate: agent.feedbackPerSecond * share, tally: new Tally(feedback, { feedback_type, agent_id: agent.id }) })),
  );

  // RQ's own state lives in Redis; the exporter reads it, so it stays up when workers die.
  const rq = new Target("learning-worker", RQ_EXPORTER_INSTANCE);
  const queueLength = rq.gauge("rq_queue_length", "Jobs waiting in each RQ queue", ["queue"]);
  const workersTotal = rq.gauge("rq_workers_total", "RQ workers by state", ["state"]);

  const workers = LEARNING_WORKERS.map((instance) => {
    const target = new Target("learning-worker", instance);
    const jobs = target.counter("rq_jobs_total", "Jobs finished by this worker", ["status", "job_type"]);
    const durations = target.histogram("rq_job_duration_seconds", "Job run time", SLOW_SECONDS_BUCKETS, ["job_type"]);
    const byType = QUEUES.flatMap(({ jobs: types }) =>
      types.map(({ jobType }) => ({
        jobType,
        completed: new Tally(jobs, { status: "completed", job_type: jobType }),
        failed: new Tally(jobs, { status: "failed", job_type: jobType }),
        duration: new HistogramSeries(durations, `${instance}.rq_job_duration_seconds`, { job_type: jobType }, noise),
      })),
    );
    return { target, byType };
  });
  const depth = new Map<string, number>(QUEUES.map(({ queue }) => [queue, 0]));

  return {
    targets: [api, rq, ...workers.map(({ target }) => target)],
    advance(m) {
      for (const { rate, tally } of feedbackTallies) tally.count(rate * m.load);

      const down = m.level("worker-down") > 0;
      for (const { queue, jobs } of QUEUES) {
        const arrivals = jobs.map((job) => job.rate * m.load * (1 + 0.3 * noise.wobble(`rq.${job.jobType}`, m.t, 60)));
        const arrived = arrivals.reduce((sum, rate) => sum + rate, 0);
        const backlog = depth.get(queue) ?? 0;
        const processed = down ? 0 : arrived + Math.min(backlog, DRAIN_PER_SECOND);
        depth.set(queue, Math.max(0, backlog + arrived - processed));
        if (processed <= 0) continue;
        jobs.forEach((job, index) => {
          const share = arrived > 0 ? (arrivals[index] ?? 0) / arrived : 1 / jobs.length;
          for (const worker of workers) {
            const slot = worker.byType.find((entry) => entry.jobType === job.jobType);
            if (!slot) continue;
            const done = (processed * share) / WORKER_COUNT;
            const finished = slot.completed.count(done * (1 - FAILED_SHARE)) + slot.failed.count(done * FAILED_SHARE);
            slot.duration.observeEvents(m.t, finished, (random) => logNormal(random, job.median, job.p95));
          }
        });
      }
    },
    sample(m) {
      for (const agent of AGENTS) {
        rating.set({ agent_id: agent.id }, round(agent.rating + 0.15 * noise.wobble(`rating.${agent.id}`, m.t, 600), 2));
      }
      pending.set(Math.round(40 + 15 * noise.wobble("examples.pending", m.t, 900)));
      approved.set(1200 + Math.floor(m.t * 0.002));
      rejected.set(310 + Math.floor(m.t * 0.0005));

      for (const { queue } of QUEUES) {
        const waiting = (depth.get(queue) ?? 0) + 3 + 2.5 * noise.wobble(`rq.depth.${queue}`, m.t, 45);
        queueLength.set({ queue }, Math.max(0, Math.round(waiting)));
      }
      const down = m.level("worker-down") > 0;
      const backlog = [...depth.values()].some((value) => value > 1);
      const utilization = 1.07 * m.load + 0.4 * noise.wobble("rq.busy", m.t, 60);
      const busy = down ? 0 : backlog ? WORKER_COUNT : clamp(Math.round(utilization), 0, WORKER_COUNT);
      workersTotal.set({ state: "busy" }, busy);
      workersTotal.set({ state: "idle" }, down ? 0 : WORKER_COUNT - busy);
      workersTotal.set({ state: "suspended" }, 0);
    },
  };
}
