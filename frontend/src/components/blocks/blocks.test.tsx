import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { blocksOf, fixtures } from "@/__fixtures__";
import type { BodyBlockFragment } from "@/graphql/generated/graphql";
import { IMAGE_SIZES } from "./Image";
import { BodyBlock, StreamField } from "./StreamField";
import type { BlockContext } from "./types";

const ctx = (ui = "en"): BlockContext => ({
  ui,
  referenceNumbers: new Map(fixtures.causeEn.references.map((r) => [r.id, r.number])),
});

function renderBlock(block: BodyBlockFragment, ui = "en") {
  return render(<BodyBlock block={block} ctx={ctx(ui)} />);
}

function first<T>(items: T[]): T {
  expect(items.length).toBeGreaterThan(0);
  return items[0] as T;
}

describe("paragraph", () => {
  it("renders the CMS's rich text, internal links unchanged as frontend routes", () => {
    const block = first(blocksOf("RichTextBlock").filter((b) => b.value.includes('href="/')));
    const { container } = renderBlock(block);
    const link = container.querySelector("a[href^='/']");
    expect(link).not.toBeNull();
    expect(block.value).toContain(`href="${link?.getAttribute("href")}"`);
    expect(link?.getAttribute("rel")).toBeNull();
  });

  it("marks links that leave the site, for screen readers too", () => {
    const block = first(blocksOf("CalloutBlock").filter((b) => b.message.includes('href="https://')));
    const { container } = renderBlock(block);
    const link = container.querySelector("a[href='https://example.org/lining']");
    expect(link?.getAttribute("rel")).toContain("external");
    expect(link?.querySelector(".visually-hidden")?.textContent).toBe(" (external link)");
  });
});

describe("heading", () => {
  it("renders each level as its own heading element", () => {
    const blocks = blocksOf("HeadingBlock");
    const levels = new Set(blocks.map((b) => b.level));
    expect(levels).toEqual(new Set(["h2", "h3"]));
    for (const block of blocks) {
      const { container, unmount } = renderBlock(block);
      const heading = container.querySelector(block.level);
      expect(heading?.textContent).toBe(block.text);
      unmount();
    }
  });
});

describe("bullet list", () => {
  it("renders every item", () => {
    const block = first(blocksOf("BulletListBlock"));
    renderBlock(block);
    const items = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(block.items);
  });
});

describe("callout", () => {
  it("shows each kind differently, a warning as a note", () => {
    const blocks = blocksOf("CalloutBlock");
    expect(new Set(blocks.map((b) => b.kind))).toEqual(new Set(["info", "support", "warning"]));
    for (const block of blocks) {
      const { container, unmount } = renderBlock(block);
      const aside = container.querySelector("aside");
      expect(aside?.getAttribute("data-kind")).toBe(block.kind);
      expect(aside?.className).toContain(`callout-${block.kind}`);
      expect(aside?.getAttribute("role")).toBe(block.kind === "warning" ? "note" : null);
      expect(within(aside as HTMLElement).getByText(block.title)).toBeTruthy();
      unmount();
    }
  });
});

describe("treatment", () => {
  it("renders its title as a heading and its description", () => {
    const block = first(blocksOf("TreatmentBlock"));
    const { container } = renderBlock(block);
    expect(screen.getByRole("heading", { level: 3 }).textContent).toBe(block.title);
    expect(container.querySelector(".rich-text")?.innerHTML).toBe(block.description);
  });
});

describe("quote", () => {
  it("renders the quotation with its attribution", () => {
    const block = first(blocksOf("QuoteBlock").filter((b) => b.attribution));
    const { container } = renderBlock(block);
    expect(container.querySelector("blockquote")?.textContent).toBe(block.text);
    expect(container.querySelector("figcaption")?.textContent).toBe(block.attribution);
  });
});

describe("image", () => {
  it("gives the browser the renditions, their size and the alt text", () => {
    const block = first(blocksOf("ImageBlock").filter((b) => b.altText));
    renderBlock(block);
    const img = screen.getByRole("img", { name: block.altText });
    expect(img.getAttribute("src")).toBe(block.image.rendition?.url);
    expect(img.getAttribute("srcset")).toBe(block.image.srcSet);
    expect(img.getAttribute("srcset")).toMatch(/ 400w, .* 800w, .* 1200w$/);
    expect(img.getAttribute("sizes")).toBe(IMAGE_SIZES);
    expect(img.getAttribute("width")).toBe(String(block.image.rendition?.width));
    expect(img.getAttribute("height")).toBe(String(block.image.rendition?.height));
    expect(img.closest("figure")?.querySelector("figcaption")?.textContent).toBe(block.caption);
  });

  it("renders a decorative image with empty alt text and no caption", () => {
    const block = first(blocksOf("ImageBlock").filter((b) => !b.altText));
    const { container } = renderBlock(block);
    const img = container.querySelector("img");
    expect(img?.getAttribute("alt")).toBe("");
    expect(screen.queryByRole("img")).toBeNull();
    expect(container.querySelector("figcaption")).toBeNull();
  });
});

describe("faq", () => {
  it("renders the question as the summary of a <details>", () => {
    const block = first(blocksOf("FAQBlock"));
    const { container } = renderBlock(block);
    const details = container.querySelector("details");
    expect(details?.querySelector("summary")?.textContent).toBe(block.question);
    expect(details?.querySelector(".rich-text")?.innerHTML).toBe(block.answer);
  });
});

describe("page link", () => {
  it("links to the page's url, named by its title when the link has no text", () => {
    const block = first(blocksOf("PageLinkBlock").filter((b) => b.page?.url && !b.linkText));
    renderBlock(block);
    const link = screen.getByRole("link", { name: block.page?.title });
    expect(link.getAttribute("href")).toBe(block.page?.url);
  });

  it("renders nothing for a page the reader may not see", () => {
    const block = { ...first(blocksOf("PageLinkBlock")), page: null };
    const { container } = renderBlock(block);
    expect(container.innerHTML).toBe("");
  });
});

describe("reference", () => {
  it("is numbered in the text and points at its entry in the list", () => {
    const blocks = blocksOf("ReferenceBlock");
    expect(blocks.length).toBe(2);
    blocks.forEach((block, index) => {
      const { unmount } = renderBlock(block);
      const link = screen.getByRole("link", { name: `[${index + 1}]` });
      expect(link.getAttribute("href")).toBe(`#reference-${index + 1}`);
      unmount();
    });
  });
});

describe("unknown block types", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("are skipped, and named in the log in development", () => {
    vi.stubEnv("NODE_ENV", "development");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const unknown = { __typename: "StreamFieldBlock", id: "x", blockType: "carousel" } as BodyBlockFragment;
    const { container } = render(<StreamField blocks={[unknown, first(blocksOf("HeadingBlock"))]} ctx={ctx()} />);
    expect(container.querySelectorAll(".stream-field > *")).toHaveLength(1);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("carousel"));
    warn.mockRestore();
  });

  it("include a known name with an unexpected GraphQL type", () => {
    const odd = { ...first(blocksOf("HeadingBlock")), blockType: "paragraph" } as BodyBlockFragment;
    const { container } = render(<StreamField blocks={[odd]} ctx={ctx()} />);
    expect(container.querySelector(".stream-field")?.children).toHaveLength(0);
  });
});

describe("a whole body", () => {
  it("renders every block of the recorded cause page, every block type among them", () => {
    const { body } = fixtures.causeEn;
    expect(new Set(body.map((b) => b.blockType))).toEqual(
      new Set(["paragraph", "heading", "bullet_list", "callout", "treatment", "quote", "image", "faq", "page_link", "reference"]),
    );
    const { container } = render(<StreamField blocks={body} ctx={ctx()} />);
    expect(container.querySelector(".stream-field")?.children).toHaveLength(body.length);
  });

  it("marks blocks still in the source language with its lang", () => {
    const [a, b] = fixtures.causeEn.body;
    const { container } = render(
      <StreamField
        blocks={[a!, b!]}
        ctx={ctx("de")}
        untranslatedParts={[{ field: "body", blockId: b!.id }]}
        sourceLocale="en"
      />,
    );
    const marked = container.querySelectorAll("[data-untranslated]");
    expect(marked).toHaveLength(1);
    expect(marked[0]?.getAttribute("lang")).toBe("en");
  });
});
