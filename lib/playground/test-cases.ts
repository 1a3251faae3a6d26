// Named test cases: variable values saved per prompt from the playground.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPromptOrThrow } from "@/lib/prompts/get-prompt-or-throw";

export type TestCaseView = { id: string; name: string; values: Record<string, unknown>; updatedAt: string };

export async function listTestCases(opts: { projectId: string; promptId: string }): Promise<TestCaseView[]> {
  const prompt = await getPromptOrThrow(opts);
  const rows = await db.testCase.findMany({ where: { promptId: prompt.id }, orderBy: { name: "asc" }, take: 500 });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    values: r.values as Record<string, unknown>,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** Saves values under a name; saving under an existing name replaces its values. */
export async function saveTestCase(opts: {
  projectId: string;
  promptId: string;
  userId: string;
  name: string;
  values: Record<string, unknown>;
}): Promise<TestCaseView> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId, forWrite: true });
  const row = await db.testCase.upsert({
    where: { promptId_name: { promptId: prompt.id, name: opts.name } },
    create: {
      promptId: prompt.id,
      name: opts.name,
      values: opts.values as Prisma.InputJsonValue,
      createdById: opts.userId,
    },
    update: { values: opts.values as Prisma.InputJsonValue },
  });
  return {
    id: row.id,
    name: row.name,
    values: row.values as Record<string, unknown>,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function deleteTestCase(opts: { projectId: string; promptId: string; testCaseId: string }): Promise<void> {
  const prompt = await getPromptOrThrow({ projectId: opts.projectId, promptId: opts.promptId, forWrite: true });
  const deleted = await db.testCase.deleteMany({ where: { id: opts.testCaseId, promptId: prompt.id } });
  if (deleted.count === 0) throw new AppError({ code: "not_found", message: "No such test case for this prompt." });
}
