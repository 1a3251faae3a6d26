import { DetailPageSkeleton } from "@/components/ui/skeleton-blocks";

export default function Loading() {
  return <DetailPageSkeleton label="Loading review" />;
}
