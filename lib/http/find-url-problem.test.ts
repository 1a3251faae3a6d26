import { describe, expect, it } from "vitest";

import { findUrlProblem } from "./find-url-problem";

describe("findUrlProblem", () => {
  it("refuses NUL characters in the path or the query, encoded or not", () => {
    for (const url of ["/p/acme/prompts/x?run=%00", "/api/prompts/a%00b", "/p/acme?q=%00", "/x?y=\u0000"])
      expect(findUrlProblem(url)).toMatch(/NUL/);
  });
  it("lets ordinary addresses through", () => {
    for (const url of [
      undefined,
      "/",
      "/p/acme/prompts/support/refund-reply?view=history&before=3",
      "/api/prompts/a%2Fb?x=%2500",
    ])
      expect(findUrlProblem(url)).toBeNull();
  });
});
