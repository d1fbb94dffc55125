import type { Block } from "./types";

export function BulletList({ block }: { block: Block<"BulletListBlock"> }) {
  return (
    <ul className="block-bullet-list">
      {block.items.map((item, index) => (
        <li key={index}>{item}</li>
      ))}
    </ul>
  );
}
