/**
 * The few words the frontend itself shows readers; everything else comes
 * from the CMS. A language without its own dictionary reads English.
 */
export interface Dictionary {
  /** The language these words are in. */
  lang: string;
  skipToContent: string;
  languages: string;
  currentLanguage: string;
  externalLink: string;
  fallbackNotice: (requested: string, served: string) => string;
  untranslatedNotice: (source: string) => string;
  relatedCauses: string;
  causesInCategory: string;
  categories: string;
  medicalReview: string;
  reviewedBy: string;
  lastReviewed: string;
  nextReview: string;
  reviewOverdue: string;
  history: string;
  updated: (date: string, note: string) => string;
  published: (date: string) => string;
  references: string;
  referenceMarker: (n: number) => string;
  breadcrumbs: string;
  notFoundTitle: string;
  notFoundText: string;
  backToArticle: string;
  contact: string;
  registeredIn: (country: string) => string;
  cmsUnavailableTitle: string;
  cmsUnavailableText: string;
  imageCaption: string;
  previewMarker: string;
  previewExplanation: string;
  previewExpiredTitle: string;
  previewExpiredText: string;
}

const en: Dictionary = {
  lang: "en",
  skipToContent: "Skip to content",
  languages: "Languages",
  currentLanguage: "current language",
  externalLink: "(external link)",
  fallbackNotice: (requested, served) =>
    `This page is not yet available in ${requested}; you are reading the ${served} version.`,
  untranslatedNotice: (source) => `Parts of this page are not yet translated and are shown in ${source}.`,
  relatedCauses: "Related causes",
  causesInCategory: "Causes in this group",
  categories: "Groups of causes",
  medicalReview: "Medical review",
  reviewedBy: "Reviewed by",
  lastReviewed: "Last reviewed",
  nextReview: "Next review",
  reviewOverdue: "This page is due for a new medical review.",
  history: "Page history",
  updated: (date, note) => `Updated ${date}: ${note}`,
  published: (date) => `Updated ${date}`,
  references: "References",
  referenceMarker: (n) => `Source ${n}`,
  breadcrumbs: "Breadcrumbs",
  notFoundTitle: "Page not found",
  notFoundText: "There is no page at this address. It may have moved, or it is not available in this language.",
  backToArticle: "Go to the article",
  contact: "Contact",
  registeredIn: (country) => `Registered in ${country}`,
  cmsUnavailableTitle: "This page is temporarily unavailable",
  cmsUnavailableText: "We could not load this page just now. Please try again in a few minutes.",
  imageCaption: "Image",
  previewMarker: "Preview",
  previewExplanation: "An unpublished draft, as readers would see it. Only people with this link can see it.",
  previewExpiredTitle: "This preview link has expired",
  previewExpiredText:
    "Preview links work for a limited time and only for the page they were made for. Click Preview in the editor again for a new link.",
};

const de: Dictionary = {
  lang: "de",
  skipToContent: "Zum Inhalt springen",
  languages: "Sprachen",
  currentLanguage: "aktuelle Sprache",
  externalLink: "(externer Link)",
  fallbackNotice: (requested, served) =>
    `Diese Seite ist noch nicht auf ${requested} verfügbar; Sie lesen die Fassung auf ${served}.`,
  untranslatedNotice: (source) =>
    `Teile dieser Seite sind noch nicht übersetzt und werden auf ${source} angezeigt.`,
  relatedCauses: "Verwandte Ursachen",
  causesInCategory: "Ursachen in dieser Gruppe",
  categories: "Gruppen von Ursachen",
  medicalReview: "Medizinische Prüfung",
  reviewedBy: "Geprüft von",
  lastReviewed: "Zuletzt geprüft",
  nextReview: "Nächste Prüfung",
  reviewOverdue: "Diese Seite muss erneut medizinisch geprüft werden.",
  history: "Änderungen",
  updated: (date, note) => `Aktualisiert am ${date}: ${note}`,
  published: (date) => `Aktualisiert am ${date}`,
  references: "Quellen",
  referenceMarker: (n) => `Quelle ${n}`,
  breadcrumbs: "Brotkrumen",
  notFoundTitle: "Seite nicht gefunden",
  notFoundText:
    "Unter dieser Adresse gibt es keine Seite. Vielleicht wurde sie verschoben, oder sie ist in dieser Sprache nicht verfügbar.",
  backToArticle: "Zum Artikel",
  contact: "Kontakt",
  registeredIn: (country) => `Eingetragen in: ${country}`,
  cmsUnavailableTitle: "Diese Seite ist vorübergehend nicht erreichbar",
  cmsUnavailableText: "Wir konnten die Seite gerade nicht laden. Bitte versuchen Sie es in einigen Minuten erneut.",
  imageCaption: "Bild",
  previewMarker: "Vorschau",
  previewExplanation:
    "Ein unveröffentlichter Entwurf, wie Leserinnen und Leser ihn sehen würden. Nur wer diesen Link hat, kann ihn sehen.",
  previewExpiredTitle: "Dieser Vorschau-Link ist abgelaufen",
  previewExpiredText:
    "Vorschau-Links gelten nur eine begrenzte Zeit und nur für die Seite, für die sie erstellt wurden. Klicken Sie im Editor erneut auf Vorschau, um einen neuen Link zu erhalten.",
};

const dictionaries: Record<string, Dictionary> = { en, de };

export function dictionaryFor(locale: string): Dictionary {
  return dictionaries[locale] ?? en;
}

/** A language's name in the reader's language, from the runtime's CLDR data. */
export function languageName(code: string, inLocale: string): string {
  inLocale = dictionaryFor(inLocale).lang;
  try {
    return new Intl.DisplayNames([inLocale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function formatDate(iso: string, locale: string): string {
  locale = dictionaryFor(locale).lang;
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(date);
}
