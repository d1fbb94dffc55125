import { dictionaryFor } from "@/i18n/dictionaries";
import { rewriteLinks } from "@/lib/richtext";

interface Props {
  html: string;
  ui: string;
  className?: string;
}

/** Rich text from the CMS (already sanitised by Wagtail's editor rules). */
export function RichText({ html, ui, className = "rich-text" }: Props) {
  return (
    <div
      className={className}
      dangerouslySetInnerHTML={{ __html: rewriteLinks(html, dictionaryFor(ui).externalLink) }}
    />
  );
}
