import type { Block } from "./types";

export function Heading({ block }: { block: Block<"HeadingBlock"> }) {
  const Tag = block.level === "h3" ? "h3" : "h2";
  return <Tag className="block-heading">{block.text}</Tag>;
}
