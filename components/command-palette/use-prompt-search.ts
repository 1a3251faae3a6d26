"use client";

import { useEffect, useState } from "react";

import { matchScore } from "@/components/command-palette/palette-items";
import type { UserProject } from "@/lib/projects/list-user-projects";

export type PromptHit = { id: string; name: string; description: string; project: UserProject };

type Listed = { prompts: Array<{ id: string; name: string; description: string }> };

/** Typing pauses this long before a search goes out: one request per word typed, not per key. */
const DEBOUNCE_MS = 150;

/**
 * Prompts matching `query` in `projects` through the studio's list API (name, description or text),
 * a bounded page per project; with an empty query, the ones changed last. Each new query aborts the
 * request before it, so a slow answer never overwrites a newer one. Hits whose name matches come
 * first: that is what someone typing a prompt's name is looking for.
 */
export function usePromptSearch(query: string, projects: UserProject[]) {
  const [state, setState] = useState<{ key: string; hits: PromptHit[] }>({ key: "", hits: [] });
  const q = query.trim();
  const key = `${projects.map((p) => p.slug).join(",")}\n${q}`;

  useEffect(() => {
    if (!projects.length) return;
    const controller = new AbortController();
    const limit = projects.length > 1 ? 5 : 8;
    const timer = setTimeout(
      async () => {
        try {
          const pages = await Promise.all(
            projects.map(async (project) => {
              const params = new URLSearchParams({ limit: String(limit), ...(q ? { q } : {}) });
              const response = await fetch(`/api/projects/${project.slug}/prompts?${params}`, {
                signal: controller.signal,
              });
              if (!response.ok) return [];
              const { prompts } = (await response.json()) as Listed;
              return prompts.map((p) => ({ id: p.id, name: p.name, description: p.description, project }));
            }),
          );
          const lower = q.toLowerCase();
          const hits = pages
            .flat()
            .map((hit, index) => ({ hit, index, named: hit.name.toLowerCase().includes(lower) ? 0 : 1 }))
            .sort((a, b) => a.named - b.named || a.index - b.index)
            .map((h) => h.hit);
          setState({ key, hits });
        } catch {
          // Aborted by a newer query, or the network failed: the palette keeps its other items.
        }
      },
      q ? DEBOUNCE_MS : 0,
    );
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // `key` stands for `projects` and `q`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (state.key === key) return { hits: state.hits, searching: false };
  // While the answer for this query is on its way, keep only earlier hits whose name still matches,
  // so the list neither flickers empty nor offers (to Enter) a prompt the new text rules out.
  const stale = state.key.endsWith(`\n${q}`) ? state.hits : state.hits.filter((h) => q && matchScore(q, h.name) > 0);
  return { hits: stale, searching: projects.length > 0 };
}
