import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatMatcher } from "@/lib/alertmanager/matchers";
import { alertmanagerStatusSchema } from "@/lib/alertmanager/types";
import { flattenRoutes, groupLabels, matchRoutes, parseLabelInput, parseRoutingConfig, type RoutingConfig } from "./routing";

const root = path.join(import.meta.dirname, "..", "..");

function parsed(text: string): RoutingConfig {
  const result = parseRoutingConfig(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

const shipped = () => parsed(readFileSync(path.join(root, "deploy", "alertmanager", "alertmanager.yml"), "utf8"));

describe("parseRoutingConfig", () => {
  it("reads the configuration Alertmanager 0.25 answered in /api/v2/status", () => {
    const status = alertmanagerStatusSchema.parse(
      JSON.parse(readFileSync(path.join(root, "lib", "alertmanager", "fixtures", "status-cluster.json"), "utf8")),
    );
    const config = parsed(status.config.original);
    expect(config.route.receiver).toEqual({ value: "team-ml", inherited: false });
    expect(config.route.groupBy.value).toEqual(["alertname", "service"]);
    expect(config.route.groupWait).toEqual({ value: "1s", inherited: false });
    expect(config.route.routes).toHaveLength(1);
    const pager = config.route.routes[0];
    expect(pager?.receiver.value).toBe("pager");
    expect(pager?.matchers).toEqual([{ name: "severity", value: "critical", isRegex: false, isEqual: true }]);
    expect(pager?.groupWait).toEqual({ value: "1s", inherited: true });
    expect(config.receivers).toEqual([
      { name: "team-ml", integrations: [{ type: "webhook", count: 1 }] },
      { name: "pager", integrations: [{ type: "webhook", count: 1 }] },
    ]);
    expect(config.inhibitRules).toEqual([
      {
        sourceMatchers: [{ name: "severity", value: "critical", isRegex: false, isEqual: true }],
        targetMatchers: [{ name: "severity", value: "warning", isRegex: false, isEqual: true }],
        equal: ["service"],
      },
    ]);
  });

  it("reads match, match_re and matchers alike, group_by '...', defaults and time intervals", () => {
    const config = parsed(`
route:
  receiver: default
  routes:
    - match: { team: ml }
      match_re: { service: "inferno|vllm" }
      matchers: ['severity!="info"', 'env=~"prod.*", region="eu"']
      group_by: ['...']
      mute_time_intervals: [nights]
      active_time_intervals: [office]
      continue: true
receivers: [{ name: default }]
time_intervals: [{ name: office, time_intervals: [{ weekdays: [monday] }] }]
mute_time_intervals: [{ name: nights, time_intervals: [] }]
`);
    const child = config.route.routes[0];
    expect(child?.matchers.map(formatMatcher)).toEqual(['team="ml"', 'service=~"inferno|vllm"', 'severity!="info"', 'env=~"prod.*"', 'region="eu"']);
    expect(child?.groupBy).toEqual({ value: "all", inherited: false });
    expect(child?.groupWait).toEqual({ value: "30s", inherited: true });
    expect(child?.repeatInterval).toEqual({ value: "4h", inherited: true });
    expect(child?.continue).toBe(true);
    expect(child?.muteTimeIntervals).toEqual(["nights"]);
    expect(child?.activeTimeIntervals).toEqual(["office"]);
    expect(config.timeIntervals).toEqual(["office", "nights"]);
  });

  it("names the route with a bad matcher, and never quotes the YAML", () => {
    const result = parseRoutingConfig(`route:\n  receiver: a\n  routes:\n    - matchers: ['sev=~"(unclosed"']\nreceivers: [{name: a}]\n`);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/^Route root\.0: matchers: sev/);
    const broken = parseRoutingConfig("route:\n  receiver: a\n url: http://secret.example/hook?token=s3cr3t\n   - [");
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).not.toContain("s3cr3t");
  });

  it("never lets a receiver's settings through: only names and integration kinds", () => {
    const secrets = [
      "https://hooks.slack.com/services/T000/B000/XXXXSECRET",
      "pd-routing-key-SECRET",
      "opsgenie-api-key-SECRET",
      "http://user:password-SECRET@hooks.example/alert",
      "smtp-password-SECRET",
      "bot-token-SECRET",
    ];
    const config = parsed(`
global:
  slack_api_url: ${secrets[0]}
  smtp_auth_password: ${secrets[4]}
route:
  receiver: everything
  routes: [{ receiver: hooks, matchers: ['team="a"'] }]
receivers:
  - name: everything
    slack_configs: [{ api_url: ${secrets[0]}, channel: '#alerts' }]
    pagerduty_configs: [{ routing_key: ${secrets[1]} }]
    opsgenie_configs: [{ api_key: ${secrets[2]} }]
    email_configs: [{ to: a@example.com, auth_password: ${secrets[4]} }]
    telegram_configs: [{ bot_token: ${secrets[5]}, chat_id: 1 }]
  - name: hooks
    webhook_configs:
      - url: ${secrets[3]}
        http_config: { authorization: { credentials: ${secrets[1]} } }
      - url: ${secrets[3]}
inhibit_rules: [{ source_matchers: ['a="b"'], target_matchers: ['c="d"'], equal: [x] }]
`);
    const output = JSON.stringify(config);
    for (const secret of secrets) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/SECRET|password|api_key|routing_key|hooks\.slack|example\.com/);
    expect(config.receivers).toEqual([
      {
        name: "everything",
        integrations: [
          { type: "slack", count: 1 },
          { type: "pagerduty", count: 1 },
          { type: "opsgenie", count: 1 },
          { type: "email", count: 1 },
          { type: "telegram", count: 1 },
        ],
      },
      { name: "hooks", integrations: [{ type: "webhook", count: 2 }] },
    ]);
  });
});

describe("matchRoutes (Alertmanager's Route.Match)", () => {
  it("pages critical alerts and continues to the owning team", () => {
    const match = matchRoutes(shipped().route, { alertname: "X", severity: "critical", service: "inferno" });
    expect(match.receivers).toEqual(["pager", "llm-platform"]);
    expect(match.visited).toEqual(["root", "root.0", "root.1"]);
  });

  it("stops at the first matching child without continue, depth-first", () => {
    const match = matchRoutes(shipped().route, { alertname: "X", severity: "info", service: "llm-agents" });
    expect(match.routes.map((route) => route.id)).toEqual(["root.1.0"]);
    expect(match.receivers).toEqual(["email-digest"]);
    expect(match.routes[0]?.groupWait).toEqual({ value: "5m", inherited: false });
    expect(match.routes[0]?.groupBy).toEqual({ value: ["alertname", "service"], inherited: true });
  });

  it("falls back to the parent when no child matches", () => {
    expect(matchRoutes(shipped().route, { alertname: "X" }).routes.map((route) => route.id)).toEqual(["root"]);
    expect(matchRoutes(shipped().route, { alertname: "X", service: "inferno", severity: "warning" }).receivers).toEqual(["llm-platform"]);
    expect(matchRoutes(shipped().route, { severity: "critical", service: "trm" }).receivers).toEqual(["pager"]);
  });

  it("anchors match_re like Alertmanager", () => {
    const config = parsed(`route:\n  receiver: a\n  routes: [{ receiver: b, match_re: { service: "inf" } }]\nreceivers: [{name: a}, {name: b}]\n`);
    expect(matchRoutes(config.route, { service: "inferno" }).receivers).toEqual(["a"]);
    expect(matchRoutes(config.route, { service: "inf" }).receivers).toEqual(["b"]);
  });

  it("keys groups by group_by, or every label for '...'", () => {
    const config = shipped();
    expect(groupLabels(config.route, { alertname: "A", service: "s", pod: "p" })).toEqual({ alertname: "A", service: "s" });
    expect(flattenRoutes(config.route).map((route) => route.id)).toEqual(["root", "root.0", "root.1", "root.1.0", "root.2", "root.3"]);
  });
});

describe("parseLabelInput", () => {
  it("reads labels and refuses matchers that are not equality", () => {
    expect(parseLabelInput('{alertname="A", severity=critical}')).toEqual({ ok: true, value: { alertname: "A", severity: "critical" } });
    expect(parseLabelInput('a=~"b"').ok).toBe(false);
    expect(parseLabelInput("not a label").ok).toBe(false);
  });
});
