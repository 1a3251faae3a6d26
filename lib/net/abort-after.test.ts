import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { abortAfter } from "./abort-after";

describe("abortAfter", () => {
  it("aborts with a TimeoutError after its time, and says it timed out", async () => {
    const timeout = abortAfter(20);
    await new Promise<void>((resolve) => timeout.signal.addEventListener("abort", () => resolve()));
    expect(timeout.timedOut()).toBe(true);
    expect((timeout.signal.reason as Error).name).toBe("TimeoutError");
  });

  it("follows the signal it is given, already aborted or later, and stops following once cleared", () => {
    const early = new AbortController();
    early.abort("stop");
    expect(abortAfter(60_000, early.signal).signal.reason).toBe("stop");

    const later = new AbortController();
    const followed = abortAfter(60_000, later.signal);
    later.abort("cancelled");
    expect([followed.signal.aborted, followed.signal.reason, followed.timedOut()]).toEqual([true, "cancelled", false]);
    followed.clear();

    const cleared = new AbortController();
    const stopped = abortAfter(60_000, cleared.signal);
    stopped.clear();
    cleared.abort();
    expect(stopped.signal.aborted).toBe(false);
  });

  it("still fires after garbage collections, where AbortSignal.any over an unreferenced AbortSignal.timeout may not", () => {
    // In a child process with --expose-gc: nothing but the composite signal is kept.
    const script = `
      // tsx loads the .ts file as CommonJS here (the package is not "type": "module").
      const loaded = await import(${JSON.stringify(path.join(__dirname, "abort-after.ts"))});
      const { abortAfter } = loaded.abortAfter ? loaded : loaded.default;
      const cancel = new AbortController();
      const composite = AbortSignal.any([cancel.signal, abortAfter(100).signal]);
      composite.addEventListener("abort", () => {});
      for (let i = 0; i < 5; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 10)); }
      await new Promise((r) => setTimeout(r, 400));
      console.log(JSON.stringify(composite.aborted));
    `;
    const child = spawnSync(process.execPath, ["--expose-gc", "--import", "tsx", "--input-type=module", "-e", script], {
      encoding: "utf8",
      cwd: path.resolve(__dirname, "../.."),
    });
    expect(child.stderr).toBe("");
    expect(child.stdout.trim()).toBe("true");
  });
});
