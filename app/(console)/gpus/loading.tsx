import { PanelLoading } from "@/components/ui/panel";

export default function Loading() {
  return <PanelLoading label="Loading the page" />;
}
