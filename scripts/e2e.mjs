// Runs Playwright on free loopback ports (the app and the fake OpenAI server), so a stray process
// on the default ports cannot break the run. Extra arguments go to `playwright test`.
import { spawn } from "node:child_process";
import net from "node:net";

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const env = {
  ...process.env,
  E2E_PORT: process.env.E2E_PORT ?? String(await freePort()),
  E2E_FAKE_OPENAI_PORT: process.env.E2E_FAKE_OPENAI_PORT ?? String(await freePort()),
};
const child = spawn("node_modules/.bin/playwright", ["test", ...process.argv.slice(2)], { stdio: "inherit", env });
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
