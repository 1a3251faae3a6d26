// The Evaluators page as members see it: the empty state says what evaluators are and offers to
// create one, the list names each evaluator with its kind, and the editor's form is generated from
// the kind's JSON Schema (fields named, the sealed secret never offered), with "Try it" for editors.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";

import { EvaluatorEditor } from "@/components/evals/evaluators/evaluator-editor";
import type { ProjectRole } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations/apply-migrations";
import { listEvaluatorKinds } from "@/lib/evaluators/list-evaluator-kinds";

import { makeProject } from "./helpers";
import { renderPage } from "./render-page";
import { signInAs } from "./route-client";

const noop = () => undefined;

describe("Evaluators page", () => {
  let f: Awaited<ReturnType<typeof makeProject>>;
  const member = (role: ProjectRole) => f.members.find((m) => m.role === role)!.user;

  beforeAll(async () => {
    await applyMigrations();
    f = await makeProject(["EDITOR", "VIEWER"]);
  });

  const render = async (role: ProjectRole) => {
    const { default: EvaluatorsPage } = await import("@/app/p/[project]/evaluators/page");
    return renderPage({
      file: "p/[project]/evaluators/page.tsx",
      url: `/p/${f.project.slug}/evaluators`,
      cookie: await signInAs(member(role)),
      render: () =>
        EvaluatorsPage({ params: Promise.resolve({ project: f.project.slug }), searchParams: Promise.resolve({}) }),
    });
  };

  it("explains evaluators when there are none, offering editors to create one", async () => {
    const editor = await render("EDITOR");
    expect(editor).toContain("No evaluators yet");
    expect(editor).toContain("Create one and try it on an example answer.");
    expect(editor).toMatch(/<button[^>]*>.*New evaluator<\/button>/);
    const viewer = await render("VIEWER");
    expect(viewer).toContain("Ask an editor of this project to create one.");
    expect(viewer).not.toContain("New evaluator");
  });

  it("lists evaluators with their kind, weight and whether they are negated", async () => {
    await db.evaluator.create({
      data: {
        projectId: f.project.id,
        name: "Mentions refund",
        kind: "contains",
        config: { values: ["refund"], mode: "any", ignoreCase: false },
        negate: true,
        weight: 2,
        createdById: member("EDITOR").id,
      },
    });
    const html = await render("EDITOR");
    expect(html).toContain('aria-label="Evaluators"');
    expect(html).toContain("Mentions refund");
    expect(html).toContain("<td");
    expect(html).toMatch(/>Contains<\/td>/);
    expect(html).toContain("negated");
    expect(html).toContain('aria-label="Archive Mentions refund"');
  });

  it("generates the settings form from the kind's schema, never offering the HTTP kind's secret", () => {
    const kinds = listEvaluatorKinds().kinds;
    const editor = (kind: string, canTry: boolean) =>
      renderToStaticMarkup(
        createElement(EvaluatorEditor, {
          projectSlug: f.project.slug,
          kinds,
          providers: [{ id: "p1", name: "Fake" }],
          evaluator: {
            id: "e1",
            name: "Checker",
            kind,
            config: kind === "http" ? { url: "https://checks.example.com/x", timeoutMs: 5000 } : {},
            negate: false,
            weight: 1,
            secretHint: null,
            archived: false,
            createdAt: new Date().toISOString(),
            updatedAt: new Date().toISOString(),
          },
          canEdit: true,
          canTry,
          onSaved: noop,
          onCancel: noop,
        }),
      );
    const http = editor("http", true);
    expect(http).toContain(">Url</label>");
    expect(http).toContain('value="https://checks.example.com/x"');
    expect(http).toContain(">Timeout ms (optional)</label>");
    expect(http).not.toMatch(/secret/i);
    expect(http).toContain('aria-label="Try it"');
    const judge = editor("llm-judge", false);
    expect(judge).toContain(">Provider</label>");
    expect(judge).toContain('<option value="p1">Fake</option>');
    expect(judge).toContain(">Rubric</label>");
    expect(judge).not.toContain('aria-label="Try it"');
  });
});
