// Imported first by every Node entry point that loads server modules outside Next's bundles
// (server.ts, scripts, benchmarks). Those modules import the `server-only` marker, whose default
// entry throws: only the react-server condition, which Next's server layers resolve, selects its
// empty one. This puts an empty module in its place for this process only. Next's build resolves
// the marker itself, so a client component that reaches a marked module still fails `next build`.
import Module from "node:module";

const marker = require.resolve("server-only");
const empty = new Module(marker);
empty.filename = marker;
empty.loaded = true;
require.cache[marker] = empty;
