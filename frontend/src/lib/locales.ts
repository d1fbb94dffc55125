import { LocalesDocument, type LocalesQuery } from "@/graphql/generated/graphql";
import { cmsQuery } from "@/lib/cms";

export type Locale = LocalesQuery["locales"][number];

export async function getLocales(): Promise<Locale[]> {
  const { locales } = await cmsQuery(LocalesDocument, {}, { tags: ["locales"] });
  return locales;
}

export interface LocatedPath {
  /** The language the path is in. */
  locale: string;
  defaultLocale: string;
  /** The path's segments after the language prefix. */
  segments: string[];
}

/**
 * Split a path into its language and the rest, as the CMS builds URLs: the
 * default language has no prefix, every other one its code (/de/...).
 */
export function locatePath(segments: string[], locales: Locale[]): LocatedPath {
  const defaultLocale = (locales.find((l) => l.isDefault) ?? locales[0])?.code ?? "en";
  const [first, ...rest] = segments;
  const prefixed = locales.find((l) => !l.isDefault && l.code === first);
  if (prefixed) {
    return { locale: prefixed.code, defaultLocale, segments: rest };
  }
  return { locale: defaultLocale, defaultLocale, segments };
}

/** The path a page would have in its own language, without the prefix. */
export function unprefixedPath(url: string, locales: Locale[]): string {
  const segments = url.split("/").filter(Boolean);
  return "/" + locatePath(segments, locales).segments.map((s) => `${s}/`).join("");
}

export function pathFromSegments(segments: string[]): string {
  return "/" + segments.map((s) => `${s}/`).join("");
}

/** Route segments as the reader typed them; null when one is not valid UTF-8. */
export function decodeSegments(segments: string[]): string[] | null {
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}
