import { ListPageSkeleton } from "@/components/ui/skeleton-blocks";

export default function Loading() {
  return <ListPageSkeleton label="Loading evaluators" />;
}
