import { Fragment } from "react";

const tone: Record<string, string> = {
  GET: "text-success",
  POST: "text-accent",
  PUT: "text-accent",
  PATCH: "text-accent",
  DELETE: "text-danger",
};

/** An HTTP method in its colour (GET green, writes accent, DELETE red), fixed width so paths line up. */
export function MethodBadge({ method, size = "sm" }: { method: string; size?: "sm" | "md" }) {
  return (
    <span
      className={`shrink-0 font-mono font-semibold ${tone[method] ?? "text-muted"} ${size === "md" ? "rounded border border-current px-1.5 py-0.5 text-xs" : "w-11 text-xs"}`}
    >
      {method}
    </span>
  );
}

/** A URL path that wraps after a slash rather than inside a word (/api/prompts/{name}/render). */
export function ApiPath({ path }: { path: string }) {
  return (
    <>
      {path.split("/").map((segment, i) => (
        <Fragment key={i}>
          {i ? "/" : null}
          {i > 1 ? <wbr /> : null}
          {segment}
        </Fragment>
      ))}
    </>
  );
}
