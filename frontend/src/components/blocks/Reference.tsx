import { dictionaryFor } from "@/i18n/dictionaries";
import type { Block, BlockContext } from "./types";

/** A reference in the text: its number, pointing at the list under the article. */
export function Reference({ block, ctx }: { block: Block<"ReferenceBlock">; ctx: BlockContext }) {
  const number = block.id ? ctx.referenceNumbers.get(block.id) : undefined;
  if (number === undefined) return null;
  return (
    <p className="block-reference">
      <a href={`#reference-${number}`} id={`cite-${number}`} aria-describedby="references-heading">
        [{number}]
      </a>{" "}
      <span className="visually-hidden">{dictionaryFor(ctx.ui).referenceMarker(number)}: </span>
      <span>{block.title}</span>
    </p>
  );
}
