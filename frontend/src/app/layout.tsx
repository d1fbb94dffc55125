import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/SiteFooter";
import { SiteHeader } from "@/components/SiteHeader";
import { getSite } from "@/lib/site";
import "./globals.css";

export const metadata: Metadata = {
  metadataBase: new URL(process.env.FRONTEND_URL || "http://127.0.0.1:3000"),
};

/** The root layout: the reader's language on <html>, chrome on every page. */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const site = await getSite();
  const prefix = site.locale === site.defaultLocale ? "" : `/${site.locale}`;
  return (
    <html lang={site.locale}>
      <body>
        <SiteHeader ui={site.locale} homeUrl={`${prefix}/`} organisationName={site.chrome?.organisationName ?? null} />
        {children}
        <SiteFooter chrome={site.chrome} ui={site.locale} />
      </body>
    </html>
  );
}
