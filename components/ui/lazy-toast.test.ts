import { beforeEach, describe, expect, it, vi } from "vitest";

import { toast } from "@/components/ui/lazy-toast";

const sonner = vi.hoisted(() => ({ success: vi.fn(), error: vi.fn() }));
vi.mock("sonner", () => ({ toast: sonner }));

// Sonner is imported on the first toast; what the caller passed must reach it unchanged.
const settle = () => vi.waitFor(() => expect(sonner.success).toHaveBeenCalled());

describe("lazy toast", () => {
  beforeEach(() => {
    sonner.success.mockClear();
    sonner.error.mockClear();
  });

  it("passes a success toast and its options to Sonner", async () => {
    toast.success("Saved version 2.", { description: "Production still serves version 1." });
    await settle();
    expect(sonner.success).toHaveBeenCalledExactlyOnceWith("Saved version 2.", {
      description: "Production still serves version 1.",
    });
    expect(sonner.error).not.toHaveBeenCalled();
  });

  it("passes an error toast to Sonner, in the order the toasts were fired", async () => {
    toast.error("Could not reach the provider.");
    toast.success("Key revoked.");
    await settle();
    expect(sonner.error).toHaveBeenCalledExactlyOnceWith("Could not reach the provider.");
    expect(sonner.success).toHaveBeenCalledExactlyOnceWith("Key revoked.");
    expect(sonner.error.mock.invocationCallOrder[0]).toBeLessThan(sonner.success.mock.invocationCallOrder[0]!);
  });
});
