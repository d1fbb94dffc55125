import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fixtures } from "@/__fixtures__";
import { PreviewBanner } from "@/components/PreviewBanner";
import { ArticlePage } from "@/components/pages/ArticlePage";
import {
  PreviewCategoryDocument,
  PreviewCauseDocument,
  PreviewHubDocument,
} from "@/graphql/generated/graphql";
import {
  type PreviewedPage as Previewed,
  previewDocument,
  previewExpiredHtml,
  previewParams,
  resolvedPreview,
} from "./preview";

describe("preview", () => {
  it("reads the token, language and content type the CMS puts in the link", () => {
    const search = new URLSearchParams("content_type=content.causepage&token=abc%3Adef&locale=de");
    expect(previewParams(search)).toEqual({ token: "abc:def", locale: "de", contentType: "content.causepage" });
    expect(previewParams({ token: ["t1", "t2"], locale: "<b>" })).toEqual({
      token: "t1",
      locale: null,
      contentType: null,
    });
    expect(previewParams(new URLSearchParams("locale=en"))).toBeNull();
    expect(previewParams({ token: "" })).toBeNull();
  });

  it("asks for the page type the link names, each within the CMS's limits", () => {
    expect(previewDocument("content.causepage")).toBe(PreviewCauseDocument);
    expect(previewDocument("content.causecategorypage")).toBe(PreviewCategoryDocument);
    expect(previewDocument("content.causeindexpage")).toBe(PreviewHubDocument);
    expect(previewDocument("wagtailcore.page")).toBeNull();
    expect(previewDocument("toString")).toBeNull();
    expect(previewDocument(null)).toBeNull();
  });

  it("renders the draft through the article's components with a visible Preview marker", () => {
    const draft = { ...fixtures.causeEn, __typename: "CausePage" } as Previewed;
    const resolved = resolvedPreview(draft);
    expect(resolved?.kind).toBe("cause");
    render(
      <>
        <PreviewBanner ui="en" />
        <ArticlePage resolved={resolved!} ui="en" path={draft.url!} locales={fixtures.locales} />
      </>,
    );
    const marker = screen.getByRole("complementary", { name: "Preview" });
    expect(marker.textContent).toMatch(/^Preview An unpublished draft/);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe(fixtures.causeEn.title);
    expect(screen.getByRole("complementary", { name: "Medical review" })).toBeTruthy();
  });

  it("marks a German draft in German", () => {
    render(<PreviewBanner ui="de" />);
    expect(screen.getByRole("complementary", { name: "Vorschau" }).textContent).toContain("unveröffentlichter Entwurf");
  });

  it("knows the three page kinds and nothing else", () => {
    const hub = { ...fixtures.hubEn, __typename: "CauseIndexPage" } as Previewed;
    const category = { ...fixtures.categoryEn, __typename: "CauseCategoryPage" } as Previewed;
    expect(resolvedPreview(hub)?.kind).toBe("hub");
    expect(resolvedPreview(category)?.kind).toBe("category");
    expect(resolvedPreview(null)).toBeNull();
    expect(resolvedPreview({ ...fixtures.causeEn, __typename: "Page" } as unknown as Previewed)).toBeNull();
  });

  it("explains an expired link in the draft's language", () => {
    const en = new DOMParser().parseFromString(previewExpiredHtml("en"), "text/html");
    expect(en.documentElement.lang).toBe("en");
    expect(en.querySelector("h1")?.textContent).toBe("This preview link has expired");
    expect(en.querySelector("p")?.textContent).toContain("Click Preview in the editor again");
    const de = new DOMParser().parseFromString(previewExpiredHtml("de"), "text/html");
    expect(de.documentElement.lang).toBe("de");
    expect(de.querySelector("h1")?.textContent).toBe("Dieser Vorschau-Link ist abgelaufen");
    // A language without words of its own reads English.
    expect(previewExpiredHtml("fr")).toContain('lang="en"');
  });
});
