import { describe, expect, it } from "vitest";
import { costQueries, hourRate, secondsRange } from "./promql";

describe("cost PromQL", () => {
  it("averages 5-minute rates over the hour, so young series are not diluted", () => {
    expect(hourRate("agent_total_tokens")).toBe("avg_over_time(rate(agent_total_tokens[5m])[1h:1m])");
  });

  it("ranges the month-to-date queries over the seconds since the first of the month", () => {
    expect(secondsRange(86_400.7)).toBe("86400s");
    expect(secondsRange(0)).toBe("1s");
    const queries = costQueries(3600);
    expect(queries.tokensMonth).toBe("sum by (model, tenant) (increase(agent_total_tokens[3600s]))");
    expect(queries.vllmGood).toBe(
      'label_replace(sum by (model_name) (avg_over_time(rate(vllm:request_success_total{finished_reason!="abort"}[5m])[1h:1m])), "model", "$1", "model_name", "(.*)")',
    );
  });
});
