import { dictionaryFor } from "@/i18n/dictionaries";
import type { Locale } from "@/lib/locales";

export interface Translation {
  locale: string;
  url: string | null;
}

interface Props {
  /** The language the reader is reading in now. */
  current: string;
  currentUrl: string;
  translations: Translation[];
  locales: Locale[];
}

/**
 * Links to this page in the other languages it is live in: plain links, no
 * script. Each language is named in itself.
 */
export function LanguageSwitcher({ current, currentUrl, translations, locales }: Props) {
  const dict = dictionaryFor(current);
  const byCode = new Map(translations.filter((t) => t.url).map((t) => [t.locale, t.url as string]));
  byCode.set(current, currentUrl);
  const entries = locales.filter((l) => byCode.has(l.code));
  if (entries.length < 2) return null;
  return (
    <nav className="language-switcher" aria-label={dict.languages}>
      <ul>
        {entries.map((l) =>
          l.code === current ? (
            <li key={l.code}>
              <a href={currentUrl} lang={l.code} hrefLang={l.code} aria-current="page">
                {l.name}
                <span className="visually-hidden"> ({dict.currentLanguage})</span>
              </a>
            </li>
          ) : (
            <li key={l.code}>
              <a href={byCode.get(l.code)} lang={l.code} hrefLang={l.code}>
                {l.name}
              </a>
            </li>
          ),
        )}
      </ul>
    </nav>
  );
}
