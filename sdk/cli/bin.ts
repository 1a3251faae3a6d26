// The `galley` executable (sdk/dist/cli.mjs): the CLI on this process's arguments and streams.
import { runCli } from "./main";

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
