import type { Stack } from "./stack.ts";

/** The variables through which test suites find the services the test setup started. */
export function testEnv(stack: Stack, controlUrl?: string): Record<string, string> {
  return {
    VIGIL_TEST_PROMETHEUS_URL: stack.urls.prometheus,
    VIGIL_TEST_ALERTMANAGER_URLS: stack.urls.alertmanagers.join(","),
    VIGIL_TEST_DATABASE_URL: stack.urls.database,
    VIGIL_TEST_EXPORTER_URL: stack.urls.exporter,
    ...(stack.urls.victoriaMetrics ? { VIGIL_TEST_VICTORIA_METRICS_URL: stack.urls.victoriaMetrics } : {}),
    VIGIL_TEST_PASSWORD: stack.demoPassword,
    ...(stack.urls.console ? { VIGIL_TEST_CONSOLE_URL: stack.urls.console } : {}),
    ...(stack.urls.oidcIssuer ? { VIGIL_TEST_OIDC_ISSUER: stack.urls.oidcIssuer } : {}),
    ...(controlUrl ? { VIGIL_TEST_CONTROL_URL: controlUrl } : {}),
  };
}
