import type { HistoryFieldsFragment } from "@/graphql/generated/graphql";
import { dictionaryFor, formatDate } from "@/i18n/dictionaries";

export function PublicHistory({ history, ui }: { history: HistoryFieldsFragment[]; ui: string }) {
  const notes = history.filter((h) => h.changeNote.trim());
  if (notes.length === 0) return null;
  const dict = dictionaryFor(ui);
  return (
    <section className="public-history" aria-labelledby="history-heading">
      <h2 id="history-heading">{dict.history}</h2>
      <ul>
        {notes.map((h) => (
          <li key={h.publishedAt}>
            <time dateTime={h.publishedAt}>{dict.updated(formatDate(h.publishedAt, ui), h.changeNote)}</time>
          </li>
        ))}
      </ul>
    </section>
  );
}
