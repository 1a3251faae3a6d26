import { FormPageSkeleton } from "@/components/ui/skeleton-blocks";

export default function Loading() {
  return <FormPageSkeleton label="Loading the new prompt form" />;
}
