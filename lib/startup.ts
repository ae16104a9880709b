import { env, EnvError } from "./env";

/**
 * A bad setting stops start-up here, with a message naming the variable, instead of
 * surfacing later as failed requests.
 */
export function checkConfiguration(): void {
  try {
    env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Vigil cannot start. ${error.message}\nSee the configuration table in README.md.`);
      process.exit(1);
    }
    throw error;
  }
}
