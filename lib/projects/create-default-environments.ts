import type { Tx } from "@/lib/db";

export const defaultEnvironments = [
  { name: "Development", slug: "development", position: 0, protected: false },
  { name: "Staging", slug: "staging", position: 1, protected: false },
  { name: "Production", slug: "production", position: 2, protected: true },
] as const;

/** Gives a new project development, staging and (protected) production. */
export async function createDefaultEnvironments(opts: { tx: Tx; projectId: string }) {
  await opts.tx.environment.createMany({ data: defaultEnvironments.map((e) => ({ ...e, projectId: opts.projectId })) });
}
