// Prisma's schema engine compiled to WASM: migrations without the native engine that Prisma's CLI
// downloads (which fails offline). Its ESM entry imports a .wasm file, which Node 20 refuses, so we
// instantiate the module ourselves with the JS glue as its import object.
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

import { schemaPath } from "@/lib/db/migrations/read-migrations";
import { log } from "@/lib/log";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let glue: Promise<Glue> | undefined;

async function loadGlue(): Promise<Glue> {
  const require = createRequire(path.join(process.cwd(), "package.json"));
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Glue;
  const bytes = fs.readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

/** A schema engine bound to the given database (and, for diffs, its shadow database). */
export async function loadSchemaEngine(opts: {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
}): Promise<SchemaEngine> {
  glue ??= loadGlue();
  const bg = await glue;
  const file = schemaPath();
  return bg.SchemaEngine.new(
    { datamodels: [[file, fs.readFileSync(file, "utf8")]] },
    (line: string) => log.debug("schema engine", { line }),
    bindMigrationAwareSqlAdapterFactory(opts.adapterFactory),
  );
}
