import type { ReactNode } from "react";
import { dictionaryFor } from "@/i18n/dictionaries";

interface Props {
  ui: string;
  homeUrl: string;
  organisationName: string | null;
  /** The language switcher, when the page has translations. */
  children?: ReactNode;
}

export function SiteHeader({ ui, homeUrl, organisationName, children }: Props) {
  const dict = dictionaryFor(ui);
  return (
    <>
      <a className="skip-link" href="#main">
        {dict.skipToContent}
      </a>
      <header className="site-header">
        <a className="site-name" href={homeUrl}>
          {organisationName ?? dict.backToArticle}
        </a>
        {children}
      </header>
    </>
  );
}
