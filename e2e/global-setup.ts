import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startStack } from "../stack/stack.ts";
import { testEnv } from "../stack/test-env.ts";

/**
 * Under `npm test` the stack (console included) is already running and its URLs are in the
 * environment; `npx playwright test` alone starts one here.
 */
export default async function globalSetup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.VIGIL_TEST_CONSOLE_URL) return undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "vigil-e2e-"));
  const stack = await startStack({
    root: path.resolve(import.meta.dirname, ".."),
    dataDir,
    profile: "test",
    withConsole: true,
    log: (line) => console.log(line),
  });
  Object.assign(process.env, testEnv(stack, await stack.serveControl()));
  return async () => {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
