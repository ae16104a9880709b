import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startStack } from "./stack.ts";
import { testEnv } from "./test-env.ts";

/**
 * Vitest global setup for the integration project. Under `npm test` the stack is already
 * running and its URLs are in the environment; run alone, this starts one without the console.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.VIGIL_TEST_PROMETHEUS_URL) return undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-it-"));
  const stack = await startStack({
    root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
    dataDir,
    profile: "test",
    withConsole: false,
    log: () => undefined,
  });
  Object.assign(process.env, testEnv(stack, await stack.serveControl()));
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
