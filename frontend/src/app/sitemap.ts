import type { MetadataRoute } from "next";
import { SitemapDocument } from "@/graphql/generated/graphql";
import { cmsQuery } from "@/lib/cms";
import { getLocales } from "@/lib/locales";
import { sitemapItems } from "@/lib/sitemap";

export const dynamic = "force-dynamic";

/** /sitemap.xml: every live page in every language, with its alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const locales = await getLocales();
  const defaultLocale = locales.find((l) => l.isDefault)?.code ?? "en";
  const trees = await Promise.all(
    locales.map((l) => cmsQuery(SitemapDocument, { locale: l.code }, { tags: ["sitemap"] })),
  );
  const base = process.env.FRONTEND_URL || "http://127.0.0.1:3000";
  return sitemapItems(trees, defaultLocale, base).map((item) => ({
    url: item.url,
    lastModified: item.lastModified,
    alternates: { languages: item.languages },
  }));
}
