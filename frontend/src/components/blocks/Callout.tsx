import { RichText } from "@/components/RichText";
import type { Block, BlockContext } from "./types";

const KINDS = new Set(["info", "support", "warning"]);

export function Callout({ block, ctx }: { block: Block<"CalloutBlock">; ctx: BlockContext }) {
  const kind = KINDS.has(block.kind) ? block.kind : "info";
  // A warning is announced as a note of importance; the others are asides.
  const role = kind === "warning" ? "note" : undefined;
  return (
    <aside className={`block-callout callout-${kind}`} data-kind={kind} role={role} aria-label={block.title}>
      <p className="callout-title">{block.title}</p>
      <RichText html={block.message} ui={ctx.ui} />
    </aside>
  );
}
