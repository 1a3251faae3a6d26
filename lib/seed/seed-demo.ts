import crypto from "node:crypto";

import { hashApiKeySecret, visiblePrefix } from "@/lib/api-keys/api-key-secret";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { writeAuditEntry } from "@/lib/audit/write-audit-entry";
import { hashPassword } from "@/lib/auth/password";
import { roles, type ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { servingTransaction } from "@/lib/db/serving-transaction";
import { movePointer } from "@/lib/deployments/move-pointer";
import { ConfigError, getEnv } from "@/lib/env";
import { createDefaultEnvironments } from "@/lib/projects/create-default-environments";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { saveVersion } from "@/lib/prompts/save-version";
import type { RequestContext } from "@/lib/request-context";
import type { PromptContent } from "@/lib/validations/prompt";

export const DEMO_PASSWORD = "galley-demo-password";
const DEMO_SLUG = "acme-support";

const people: Record<ProjectRole, { name: string; email: string }> = {
  OWNER: { name: "Olivia Owner", email: "olivia@demo.galley.test" },
  ADMIN: { name: "Adam Admin", email: "adam@demo.galley.test" },
  REVIEWER: { name: "Rita Reviewer", email: "rita@demo.galley.test" },
  EDITOR: { name: "Eddie Editor", email: "eddie@demo.galley.test" },
  VIEWER: { name: "Vera Viewer", email: "vera@demo.galley.test" },
};

type DemoPrompt = {
  name: string;
  type: "TEXT" | "CHAT";
  description: string;
  tags: string[];
  versions: Array<{ message: string; content: PromptContent }>;
};

const noVars = { variables: [] };
const demoPrompts: DemoPrompt[] = [
  {
    name: "support/shared/signature",
    type: "TEXT",
    description: "Sign-off appended to every support answer",
    tags: ["support"],
    versions: [
      {
        message: "Standard sign-off",
        content: {
          template: "Kind regards,\n{{agent_name}}, Acme Support",
          contract: { variables: [{ name: "agent_name", type: "string", required: false, default: "The Acme team" }] },
          modelConfig: {},
        },
      },
    ],
  },
  {
    name: "support/refund-reply",
    type: "CHAT",
    description: "Answers a customer asking for a refund",
    tags: ["support", "refunds"],
    versions: [
      {
        message: "First version",
        content: {
          messages: [
            {
              role: "system",
              content:
                "You are a support agent for Acme. Answer refund requests politely and follow the refund policy:\n{{policy}}",
            },
            { role: "placeholder", name: "history" },
            { role: "user", content: "{{question}}" },
          ],
          contract: {
            variables: [{ name: "policy", type: "string", required: true, description: "The refund policy text" }],
          },
          modelConfig: { model: "gpt-4o-mini", temperature: 0.7, maxTokens: 400 },
        },
      },
      {
        message: "Warmer tone, lower temperature, shared signature",
        content: {
          messages: [
            {
              role: "system",
              content:
                "You are a warm, concise support agent for Acme. Answer refund requests and follow the refund policy:\n{{policy}}\n\n{{#vip}}The customer is a VIP: offer express processing.{{/vip}}\nEnd with:\n{{> support/shared/signature}}",
            },
            { role: "placeholder", name: "history" },
            { role: "user", content: "{{question}}" },
          ],
          contract: {
            variables: [
              { name: "policy", type: "string", required: true, description: "The refund policy text" },
              { name: "vip", type: "boolean", required: false, default: false },
            ],
          },
          modelConfig: { model: "gpt-4o-mini", temperature: 0.3, maxTokens: 400 },
        },
      },
    ],
  },
  {
    name: "marketing/product-blurb",
    type: "TEXT",
    description: "Two-sentence product description for the catalogue",
    tags: ["marketing"],
    versions: [
      {
        message: "Draft",
        content: {
          template: "Write two sentences about {{product}}.",
          contract: noVars,
          modelConfig: { model: "gpt-4o-mini", temperature: 0.9 },
        },
      },
      {
        message: "Tone and audience",
        content: {
          template: "Write two {{tone}} sentences about {{product}} for {{audience}}.\nAvoid superlatives.",
          contract: {
            variables: [
              { name: "tone", type: "enum", values: ["playful", "formal"], required: true },
              { name: "audience", type: "string", required: false, default: "small businesses" },
            ],
          },
          modelConfig: { model: "gpt-4o-mini", temperature: 0.8 },
        },
      },
    ],
  },
  {
    name: "agents/triage",
    type: "CHAT",
    description: "Routes an incoming ticket to a queue, as JSON",
    tags: ["support", "agents"],
    versions: [
      {
        message: "JSON routing",
        content: {
          messages: [
            {
              role: "system",
              content:
                'Classify the ticket into one of: {{#queues}}{{.}}, {{/queues}}other. Answer as JSON: {"queue": "...", "urgent": true|false}',
            },
            { role: "user", content: "{{ticket}}" },
          ],
          contract: { variables: [{ name: "queues", type: "json", required: true, example: ["billing", "shipping"] }] },
          modelConfig: { model: "gpt-4o-mini", temperature: 0, responseFormat: { type: "json_object" } },
        },
      },
    ],
  },
];

/** Creates (or completes) the demo project "Acme Support" with one member per role and a few prompts with versions. */
export async function seedDemo() {
  const result = await seedPeople();
  const project = await db.project.findUniqueOrThrow({ where: { slug: DEMO_SLUG } });
  const owner = await db.user.findUniqueOrThrow({ where: { email: people.OWNER.email } });
  const ctx = { actor: { userId: owner.id, email: owner.email }, requestId: `seed-${crypto.randomUUID()}` };
  for (const demo of demoPrompts) {
    if (await db.prompt.findUnique({ where: { projectId_name: { projectId: project.id, name: demo.name } } })) continue;
    const prompt = await createPrompt({
      ctx,
      projectId: project.id,
      input: { name: demo.name, type: demo.type, description: demo.description, tags: demo.tags },
    });
    for (const [i, v] of demo.versions.entries()) {
      await saveVersion({
        ctx,
        projectId: project.id,
        promptId: prompt.id,
        authorId: owner.id,
        baseVersion: i,
        message: v.message,
        content: v.content,
      });
    }
  }
  // Apps and benchmarks read the demo prompts right after seeding: development and production run
  // each prompt's latest version (the seed places them directly, as an admin task, not a review).
  const environments = await db.environment.findMany({
    where: { projectId: project.id, slug: { in: ["development", "production"] } },
  });
  for (const demo of demoPrompts) {
    const prompt = await db.prompt.findUniqueOrThrow({
      where: { projectId_name: { projectId: project.id, name: demo.name } },
    });
    for (const environment of environments) {
      const running = await db.environmentPrompt.findUnique({
        where: { environmentId_promptId: { environmentId: environment.id, promptId: prompt.id } },
      });
      if (running) continue;
      await servingTransaction(project.id, (tx) =>
        movePointer({
          tx,
          ctx,
          projectId: project.id,
          environment,
          prompt,
          actor: { id: owner.id, name: owner.name },
          version: prompt.latestVersion,
          expectedVersion: null,
          reason: "demo data (npm run db:seed)",
          kind: "deploy",
        }),
      );
    }
  }
  const apiKey = await seedApiKey({ projectId: project.id, owner, ctx });
  return { ...result, prompts: demoPrompts.map((p) => p.name), apiKey };
}

/** With GALLEY_SEED_API_KEY set, the demo project gets a read/write key with exactly that secret. */
async function seedApiKey(opts: { projectId: string; owner: { id: string; name: string }; ctx: RequestContext }) {
  const secret = getEnv().GALLEY_SEED_API_KEY;
  if (!secret) return null;
  const existing = await db.apiKey.findUnique({ where: { hash: hashApiKeySecret(secret) } });
  if (existing && existing.projectId !== opts.projectId)
    throw new ConfigError("GALLEY_SEED_API_KEY is already the key of another project; choose another secret");
  if (!existing)
    await createApiKey({
      ctx: opts.ctx,
      projectId: opts.projectId,
      creator: opts.owner,
      input: { name: "Seed key (GALLEY_SEED_API_KEY)", scopes: ["prompts:read", "prompts:write"], expiresAt: null },
      secret,
    });
  return { prefix: visiblePrefix(secret) };
}

async function seedPeople() {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ctx = { actor: null, requestId: `seed-${crypto.randomUUID()}` };
  return db.$transaction(async (tx) => {
    const anyone = await tx.user.count();
    let project = await tx.project.findUnique({ where: { slug: DEMO_SLUG } });
    if (!project) {
      project = await tx.project.create({ data: { slug: DEMO_SLUG, name: "Acme Support" } });
      await createDefaultEnvironments({ tx, projectId: project.id });
    }
    for (const role of roles) {
      const person = people[role];
      const user =
        (await tx.user.findUnique({ where: { email: person.email } })) ??
        (await tx.user.create({
          data: { ...person, passwordHash, isInstanceAdmin: anyone === 0 && role === "OWNER" },
        }));
      const existing = await tx.membership.findUnique({
        where: { projectId_userId: { projectId: project.id, userId: user.id } },
      });
      if (!existing) {
        await tx.membership.create({ data: { projectId: project.id, userId: user.id, role } });
        await writeAuditEntry({
          tx,
          ctx,
          projectId: project.id,
          action: "member.add",
          target: { type: "member", id: user.id },
          after: { email: user.email, role, via: "seed" },
        });
      }
    }
    return {
      projectSlug: project.slug,
      projectName: project.name,
      password: DEMO_PASSWORD,
      users: roles.map((role) => ({ role, email: people[role].email })),
    };
  });
}
