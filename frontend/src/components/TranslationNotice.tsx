import { dictionaryFor, languageName } from "@/i18n/dictionaries";

interface Props {
  ui: string;
  servedLocale: string;
  sourceLocale: string;
  isFallback: boolean;
  isPartialTranslation: boolean;
}

/** Says so when the reader gets another language than the one asked for. */
export function TranslationNotice({ ui, servedLocale, sourceLocale, isFallback, isPartialTranslation }: Props) {
  const dict = dictionaryFor(ui);
  if (isFallback) {
    return (
      <p className="translation-notice" role="note" data-fallback="true">
        {dict.fallbackNotice(languageName(ui, ui), languageName(servedLocale, ui))}
      </p>
    );
  }
  if (isPartialTranslation) {
    return (
      <p className="translation-notice" role="note" data-partial="true">
        {dict.untranslatedNotice(languageName(sourceLocale, ui))}
      </p>
    );
  }
  return null;
}
