import { dictionaryFor } from "@/i18n/dictionaries";
import { getSite } from "@/lib/site";

/** Shown for every path that is no page, in the path's language. */
export default async function NotFound() {
  const { locale: ui, defaultLocale } = await getSite();
  const dict = dictionaryFor(ui);
  const home = ui === defaultLocale ? "/" : `/${ui}/`;
  return (
    <main id="main" tabIndex={-1}>
      <h1>{dict.notFoundTitle}</h1>
      <p>{dict.notFoundText}</p>
      <p>
        <a href={home}>{dict.backToArticle}</a>
      </p>
    </main>
  );
}
