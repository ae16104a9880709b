import { parseCliArgs, USAGE } from "./cli-args.ts";
import { startExporter } from "./server.ts";
import { demoTargets } from "./targets.ts";

const command = parseCliArgs(process.argv.slice(2));
if (command.kind === "help") {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (command.kind === "error") {
  process.stderr.write(`${command.message}\n\n${USAGE}`);
  process.exit(2);
}

const exporter = await startExporter({ port: command.port, host: command.host, seed: command.seed, fast: command.fast, schedule: command.schedule });
const mode = [command.seed === undefined ? "random seed" : `seed ${command.seed}`, command.fast ? "fast" : undefined, command.schedule ? undefined : "no schedule"]
  .filter((part) => part !== undefined)
  .join(", ");
console.log(`Vigil demo exporter listening on ${exporter.url} (${demoTargets().length} targets; ${mode})`);
console.log(`Targets: ${exporter.url}/targets.json  State: ${exporter.url}/-/state`);

let closing = false;
function shutdown(signal: string): void {
  if (closing) return;
  closing = true;
  console.log(`${signal}: closing the exporter`);
  exporter.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
