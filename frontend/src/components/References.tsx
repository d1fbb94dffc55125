import type { ReferenceFieldsFragment } from "@/graphql/generated/graphql";
import { dictionaryFor } from "@/i18n/dictionaries";

export function References({ references, ui }: { references: ReferenceFieldsFragment[]; ui: string }) {
  if (references.length === 0) return null;
  const dict = dictionaryFor(ui);
  return (
    <section className="references" aria-labelledby="references-heading">
      <h2 id="references-heading">{dict.references}</h2>
      <ol>
        {references.map((r) => (
          <li key={r.id} id={`reference-${r.number}`} value={r.number}>
            {r.authors}. <cite>{r.title}</cite>
            {r.publisher ? <>. {r.publisher}</> : null}
            {r.year ? <> ({r.year})</> : null}.
            {r.doiUrl ? (
              <>
                {" "}
                <a href={r.doiUrl} rel="external noopener noreferrer">
                  DOI: {r.doi}
                </a>
              </>
            ) : null}
            {r.pubmedUrl ? (
              <>
                {" "}
                <a href={r.pubmedUrl} rel="external noopener noreferrer">
                  PubMed: {r.pubmedId}
                </a>
              </>
            ) : null}
            {r.url ? (
              <>
                {" "}
                <a href={r.url} rel="external noopener noreferrer">
                  {r.url}
                </a>
              </>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
