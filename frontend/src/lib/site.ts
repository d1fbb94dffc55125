import { headers } from "next/headers";
import { cache } from "react";
import { SiteChromeDocument, type SiteChromeFieldsFragment } from "@/graphql/generated/graphql";
import { cmsQuery, isCmsError } from "@/lib/cms";
import { READER_LOCALE_HEADER } from "@/lib/headers";
import { getLocales, type Locale } from "@/lib/locales";

export interface Site {
  locales: Locale[];
  /** The reader's language: the path's, or the default one. */
  locale: string;
  defaultLocale: string;
  chrome: SiteChromeFieldsFragment | null;
  /** Set when the CMS could not be asked. */
  error: unknown;
}

/**
 * What every page needs besides its own content, once per request: the
 * languages, the reader's language, the site chrome. A CMS that is down
 * still gives a page (in the path's language) that says so.
 */
export const getSite = cache(async (): Promise<Site> => {
  const locale = (await headers()).get(READER_LOCALE_HEADER) ?? "en";
  try {
    const locales = await getLocales();
    const defaultLocale = (locales.find((l) => l.isDefault) ?? locales[0])?.code ?? "en";
    const { siteChrome } = await cmsQuery(SiteChromeDocument, { locale }, { tags: ["chrome"] });
    return { locales, locale, defaultLocale, chrome: siteChrome, error: null };
  } catch (error) {
    if (!isCmsError(error)) throw error;
    return { locales: [], locale, defaultLocale: "en", chrome: null, error };
  }
});
