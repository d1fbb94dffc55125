import { dictionaryFor } from "@/i18n/dictionaries";

/** Marks a draft seen through a preview link, on top of the page. */
export function PreviewBanner({ ui }: { ui: string }) {
  const dict = dictionaryFor(ui);
  return (
    <aside className="preview-banner" aria-label={dict.previewMarker} data-preview="true">
      <strong>{dict.previewMarker}</strong> {dict.previewExplanation}
    </aside>
  );
}
