import type { Block } from "./types";

export function Quote({ block }: { block: Block<"QuoteBlock"> }) {
  return (
    <figure className="block-quote">
      <blockquote>
        <p>{block.text}</p>
      </blockquote>
      {block.attribution ? <figcaption>{block.attribution}</figcaption> : null}
    </figure>
  );
}
