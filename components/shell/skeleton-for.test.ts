import { expect, it } from "vitest";

import { pageShapeFor } from "@/components/shell/skeleton-for";

it("picks the skeleton shaped like the page a link opens", () => {
  expect(pageShapeFor("/p/acme/prompts")).toBe("list");
  expect(pageShapeFor("/p/acme/prompts?folder=support")).toBe("list");
  expect(pageShapeFor("/p/acme/prompts/support/refund-reply?view=history")).toBe("prompt");
  expect(pageShapeFor("/p/acme/prompts/new")).toBe("form");
  expect(pageShapeFor("/p/acme/reviews/new")).toBe("form");
  expect(pageShapeFor("/p/acme/reviews/12")).toBe("detail");
  expect(pageShapeFor("/p/acme/evals/3")).toBe("detail");
  expect(pageShapeFor("/p/acme/settings/members")).toBe("settings");
  expect(pageShapeFor("/p/acme/settings")).toBe("settings");
  expect(pageShapeFor("/inbox")).toBe("list");
  expect(pageShapeFor("/projects/new")).toBe("form");
});
