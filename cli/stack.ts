import path from "node:path";
import { startStack } from "../stack/stack.ts";
import { ROOT, parse, untilSignal, type Command } from "./command.ts";

const usage = `Usage: vigil stack [--data-dir .data]

Starts the services without the console, for working on the console with \`npm run dev\`.
Prints the environment to export in the shell that runs it.`;

export const stackCommand: Command = {
  name: "stack",
  summary: "start the services only (for npm run dev)",
  usage,
  async run(args) {
    const { values } = parse(args, { "data-dir": { type: "string", default: ".data" } });
    const stack = await startStack({
      root: ROOT,
      dataDir: path.resolve(ROOT, values["data-dir"]),
      profile: "demo",
      withConsole: false,
      databaseUrl: process.env.DATABASE_URL || undefined,
      log: (line) => console.log(`  ${line}`),
    });
    console.log(`
Services are running. In another shell:

  export PROMETHEUS_URL=${stack.urls.prometheus}
  export ALERTMANAGER_URLS=${stack.urls.alertmanagers.join(",")}
  export DATABASE_URL='${stack.urls.database}'
  npm run dev

Press Ctrl-C to stop.`);
    await untilSignal();
    await stack.stop();
    return 0;
  },
};
