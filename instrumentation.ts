/**
 * Runs once when the server starts. The Node-only start-up checks live in their own module
 * so the Edge bundle never sees them.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Before any request: the context long-lived sockets are opened in (lib/async/outside-request.ts).
    const { captureRootContext } = await import("./lib/async/outside-request");
    captureRootContext();
    const { checkConfiguration } = await import("./lib/startup");
    checkConfiguration();
    // Alert history: episodes recorded as Alertmanager is polled (lib/data/alert-history.ts).
    const { startAlertPoller } = await import("./lib/data/alert-history");
    startAlertPoller();
    const { startMaintenanceScheduler } = await import("./lib/silences/maintenance-scheduler");
    startMaintenanceScheduler();
  }
}
