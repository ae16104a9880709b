import { describe, expect, it } from "vitest";
import { ALL_VALUE, escapePromRegex, formatPromDuration, interpolate, rateInterval, referencedVariables, type VariableValues } from "./interpolate";

const variables: VariableValues = {
  job: { values: ["inferno"], options: ["inferno", "vllm"], multi: false },
  model: { values: ["llama-3.1-8b", "mistral-7b"], options: ["llama-3.1-8b", "mistral-7b", "qwen"], multi: true },
  tenant: { values: [ALL_VALUE], options: ["a", "b"], multi: true },
  pod: { values: [ALL_VALUE], options: ["p1"], multi: false, allValue: ".*" },
};
const builtins = { intervalSeconds: 30, rateIntervalSeconds: 120, rangeSeconds: 21_600 };

describe("interpolate", () => {
  it("expands the three syntaxes", () => {
    expect(interpolate('up{job="$job"}', variables)).toBe('up{job="inferno"}');
    expect(interpolate('up{job="${job}"}', variables)).toBe('up{job="inferno"}');
    expect(interpolate('up{job="[[job]]"}', variables)).toBe('up{job="inferno"}');
  });

  it("joins multi values as an escaped alternation", () => {
    expect(interpolate('x{model=~"$model"}', variables)).toBe('x{model=~"(llama-3\\\\.1-8b|mistral-7b)"}');
  });

  it("expands All to every option, or to the custom all value", () => {
    expect(interpolate('x{tenant=~"$tenant"}', variables)).toBe('x{tenant=~"(a|b)"}');
    expect(interpolate('x{pod=~"$pod"}', variables)).toBe('x{pod=~".*"}');
  });

  it("takes All of no options (a variable whose query found nothing) as any value, not an empty alternation", () => {
    const empty: VariableValues = { gpu: { values: [ALL_VALUE], options: [], multi: true } };
    expect(interpolate('x{gpu=~"$gpu"}', empty)).toBe('x{gpu=~".*"}');
    expect(interpolate('x{gpu=~"${gpu:regex}"}', empty)).toBe('x{gpu=~".*"}');
    expect(interpolate("${gpu:csv}", empty)).toBe("");
  });

  it("applies explicit formats", () => {
    expect(interpolate("${model:csv}", variables)).toBe("llama-3.1-8b,mistral-7b");
    expect(interpolate("${model:pipe}", variables)).toBe("llama-3.1-8b|mistral-7b");
    expect(interpolate("${job:regex}", variables)).toBe("inferno");
  });

  it("expands built-ins without confusing their prefixes", () => {
    expect(interpolate("rate(x[$__rate_interval])", variables, builtins)).toBe("rate(x[2m])");
    expect(interpolate("rate(x[$__interval]) $__interval_ms", variables, builtins)).toBe("rate(x[30s]) 30000");
    expect(interpolate("increase(x[$__range]) / $__range_s", variables, builtins)).toBe("increase(x[21600s]) / 21600");
    expect(interpolate("${__range_ms}", variables, builtins)).toBe("21600000");
  });

  it("leaves unknown variables as written", () => {
    expect(interpolate('up{job="$nope"}', variables)).toBe('up{job="$nope"}');
    expect(interpolate("rate(x[$__interval])", variables)).toBe("rate(x[$__interval])");
  });

  it("lists referenced variables", () => {
    expect(referencedVariables('x{a="$job", b=~"${model}", c="[[job]]"}[$__interval]')).toEqual(["job", "model"]);
  });
});

describe("helpers", () => {
  it("escapes regex specials for a PromQL string", () => {
    expect(escapePromRegex("a.b")).toBe("a\\\\.b");
    expect(escapePromRegex("(x|y)")).toBe("\\\\(x\\\\|y\\\\)");
  });

  it("formats durations exactly", () => {
    expect(formatPromDuration(30)).toBe("30s");
    expect(formatPromDuration(300)).toBe("5m");
    expect(formatPromDuration(7200)).toBe("2h");
    expect(formatPromDuration(90)).toBe("90s");
    expect(formatPromDuration(0.5)).toBe("500ms");
  });

  it("computes Grafana's rate interval", () => {
    expect(rateInterval(15, 15)).toBe(60);
    expect(rateInterval(120, 15)).toBe(135);
    expect(rateInterval(1, 1)).toBe(4);
  });
});
