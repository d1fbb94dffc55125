import type { SiteChromeFieldsFragment } from "@/graphql/generated/graphql";
import { dictionaryFor } from "@/i18n/dictionaries";
import { RichText } from "./RichText";

export function SiteFooter({ chrome, ui }: { chrome: SiteChromeFieldsFragment | null; ui: string }) {
  if (!chrome) return <footer className="site-footer" />;
  const dict = dictionaryFor(ui);
  return (
    <footer className="site-footer">
      <RichText html={chrome.disclaimer} ui={ui} className="rich-text disclaimer" />
      <p>
        {chrome.organisationName} · {dict.registeredIn(chrome.registeredIn)} · {dict.contact}:{" "}
        <a href={`mailto:${chrome.contactEmail}`}>{chrome.contactEmail}</a>
      </p>
      <p>
        <small>{chrome.copyright}</small>
      </p>
    </footer>
  );
}
