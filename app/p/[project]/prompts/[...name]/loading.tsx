import { PromptPageSkeleton } from "@/components/ui/skeleton-blocks";

export default function Loading() {
  return <PromptPageSkeleton />;
}
