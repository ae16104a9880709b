/**
 * Runs once when the server starts. The Node-only start-up checks live in their own module
 * so the Edge bundle never sees them.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfiguration } = await import("./lib/startup");
    checkConfiguration();
    const { startMaintenanceScheduler } = await import("./lib/silences/maintenance-scheduler");
    startMaintenanceScheduler();
  }
}
