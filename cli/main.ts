import { dashboardsCommand } from "./dashboards.ts";
import { dbCommand } from "./db.ts";
import { demoCommand } from "./demo.ts";
import { runbooksCommand } from "./runbooks.ts";
import { stackCommand } from "./stack.ts";
import { sloCommand } from "./slo.ts";
import { testCommand } from "./test.ts";
import { UsageError, type Command } from "./command.ts";

const COMMANDS: Command[] = [demoCommand, stackCommand, dbCommand, testCommand, dashboardsCommand, runbooksCommand, sloCommand];

const USAGE = `Usage: vigil <command> [options]

Commands:
${COMMANDS.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`).join("\n")}

Run \`vigil <command> --help\` for a command's options.`;

/** Runs the CLI; returns the process exit code (0 ok, 1 failure, 2 usage error). */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    const topic = COMMANDS.find((command) => command.name === rest[0]);
    console.log(topic ? topic.usage : USAGE);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`vigil: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`vigil ${command.name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    console.error(`vigil ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
