"use client";

import { useParams } from "next/navigation";
import { dictionaryFor } from "@/i18n/dictionaries";

/** A page whose content the CMS failed to give (the CMS itself is up). */
export default function PageError() {
  const params = useParams<{ path?: string[] }>();
  const first = params.path?.[0] ?? "";
  const dict = dictionaryFor(/^[a-z]{2}$/.test(first) ? first : "en");
  return (
    <main id="main" tabIndex={-1} data-cms-error="true">
      <h1>{dict.cmsUnavailableTitle}</h1>
      <p>{dict.cmsUnavailableText}</p>
    </main>
  );
}
