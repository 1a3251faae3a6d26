// Renders an app page (a server component) to HTML as a signed-in member sees it: inside the request
// scope Next.js gives the page and the router context its client components read.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";

import { runInRequestScope } from "./route-client";

const require = createRequire(import.meta.url);
const { AppRouterContext } =
  require("next/dist/shared/lib/app-router-context.shared-runtime") as typeof import("next/dist/shared/lib/app-router-context.shared-runtime");
const noop = () => undefined;
const router = {
  back: noop,
  forward: noop,
  refresh: noop,
  hmrRefresh: noop,
  push: noop,
  replace: noop,
  prefetch: noop,
  bfcacheId: "render-page",
};

/** `file` is the page's path from app/ (e.g. "p/[project]/reviews/[number]/page.tsx"); `render` calls its component. */
export async function renderPage(opts: {
  file: string;
  url: string;
  cookie: string;
  render: () => unknown;
}): Promise<string> {
  const req = new NextRequest(`http://galley.test${opts.url}`, {
    headers: { cookie: opts.cookie, host: "galley.test" },
  });
  const page = (await runInRequestScope(req, opts.file, opts.render)) as ReactElement;
  return renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, page));
}

/** Renders an element (a page's part, a tab's output) to HTML inside the router context client components read. */
export const renderElement = (element: ReactElement) =>
  renderToStaticMarkup(createElement(AppRouterContext.Provider, { value: router }, element));

type Element = ReactElement<Record<string, unknown>>;

/**
 * The prompt page of `name` ("support/reply") at `search` as the cookie's member sees it, as
 * Next.js renders it: its header, and the one tab it chose with that tab's output.
 */
export async function openPromptTab(opts: { projectSlug: string; name: string; search: string; cookie: string }) {
  const { default: PromptPage } = await import("@/app/p/[project]/prompts/[...name]/page");
  const req = new NextRequest(`http://galley.test/p/${opts.projectSlug}/prompts/${opts.name}${opts.search}`, {
    headers: { cookie: opts.cookie, host: "galley.test" },
  });
  return runInRequestScope(req, "p/[project]/prompts/[...name]/page.tsx", async () => {
    const page = (await PromptPage({
      params: Promise.resolve({ project: opts.projectSlug, name: opts.name.split("/") }),
      searchParams: Promise.resolve(Object.fromEntries(req.nextUrl.searchParams)),
    })) as Element;
    const [header, tab, ...rest] = (page.props.children as Array<Element | null>).filter(Boolean) as Element[];
    const type = tab!.type as (props: unknown) => Element | null | Promise<Element | null>;
    return { header: header!, rest, type, output: await type(tab!.props) };
  });
}
