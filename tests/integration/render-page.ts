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
