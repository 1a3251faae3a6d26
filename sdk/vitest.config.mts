import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// npm run test:contracts – the SDK as people install it, checked with third-party tools
// (arethetypeswrong, tsc against openai). Its own config: it builds and packs, so it runs once,
// outside the unit and integration projects.
const root = fileURLToPath(new URL("..", import.meta.url));

export default defineConfig({
  root,
  resolve: { alias: { "@": root } },
  test: { include: ["sdk/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 180_000 },
});
