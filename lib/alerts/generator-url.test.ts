import { describe, expect, it } from "vitest";
import { alertGroupsSchema } from "@/lib/alertmanager/types";
import groups from "@/lib/alertmanager/fixtures/alert-groups.json";
import { exprFromGeneratorUrl } from "./generator-url";

describe("exprFromGeneratorUrl", () => {
  it("reads g0.expr from the generator URLs a real Alertmanager returned", () => {
    const urls = alertGroupsSchema.parse(groups).flatMap((group) => group.alerts.map((alert) => alert.generatorURL));
    expect(urls.map(exprFromGeneratorUrl)).toContain("vector(1)");
    expect(urls.map(exprFromGeneratorUrl)).toContain("up==0");
  });

  it("is undefined without a URL, an expression or a parseable URL", () => {
    expect(exprFromGeneratorUrl(undefined)).toBeUndefined();
    expect(exprFromGeneratorUrl("")).toBeUndefined();
    expect(exprFromGeneratorUrl("http://prom:9090/graph?g0.tab=1")).toBeUndefined();
    expect(exprFromGeneratorUrl("not a url")).toBeUndefined();
  });
});
