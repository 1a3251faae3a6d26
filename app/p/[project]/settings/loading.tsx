import { FormPageSkeleton } from "@/components/ui/skeleton-blocks";

// Inside the settings layout: its title and tabs stay while a tab loads.
export default function Loading() {
  return <FormPageSkeleton label="Loading settings" header={false} />;
}
