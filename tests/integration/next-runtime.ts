// Next's server puts AsyncLocalStorage on globalThis before loading anything that creates its
// request-scope stores; without it they are inert fakes. Vitest runs this file first (setupFiles),
// so the order of a test file's imports does not matter.
import { AsyncLocalStorage } from "node:async_hooks";

const g = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage };
g.AsyncLocalStorage ??= AsyncLocalStorage;
