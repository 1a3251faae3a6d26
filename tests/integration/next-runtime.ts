// Next's server puts AsyncLocalStorage on globalThis before loading anything that creates its
// request-scope stores; without it they are inert fakes. Import this module before any other.
import { AsyncLocalStorage } from "node:async_hooks";

const g = globalThis as { AsyncLocalStorage?: typeof AsyncLocalStorage };
g.AsyncLocalStorage ??= AsyncLocalStorage;
