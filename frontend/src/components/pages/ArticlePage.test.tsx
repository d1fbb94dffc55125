import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fixtures } from "@/__fixtures__";
import { ArticlePage } from "./ArticlePage";

describe("cause page", () => {
  const page = fixtures.causeEn;
  const renderCause = () =>
    render(<ArticlePage resolved={{ kind: "cause", page }} ui="en" path={page.url!} locales={fixtures.locales} />);

  it("has a main landmark the skip link leads to, and the title as its only h1", () => {
    renderCause();
    const main = screen.getByRole("main");
    expect(main.id).toBe("main");
    expect(screen.getAllByRole("heading", { level: 1 }).map((h) => h.textContent)).toEqual([page.title]);
  });

  it("lists the references with DOI and PubMed links", () => {
    renderCause();
    const section = screen.getByRole("region", { name: "References" });
    const first = page.references[0]!;
    expect(within(section).getByRole("link", { name: `DOI: ${first.doi}` }).getAttribute("href")).toBe(first.doiUrl);
    expect(within(section).getByRole("link", { name: `PubMed: ${first.pubmedId}` }).getAttribute("href")).toBe(
      first.pubmedUrl,
    );
    expect(section.querySelector(`#reference-${first.number}`)).not.toBeNull();
  });

  it("shows the medical review and the public history", () => {
    renderCause();
    const review = screen.getByRole("complementary", { name: "Medical review" });
    expect(review.textContent).toContain(`${page.medicalReview.reviewedBy}, ${page.medicalReview.credentials}`);
    expect(review.textContent).toContain("1 November 2026");
    expect(review.textContent).toContain("1 November 2027");
    const history = screen.getByRole("region", { name: "Page history" });
    expect(within(history).getByRole("listitem").textContent).toMatch(/^Updated \d+ \w+ \d{4}: Added an illustration and two sources\.$/);
  });

  it("links the related causes and the way back up", () => {
    renderCause();
    const related = screen.getByRole("region", { name: "Related causes" });
    expect(within(related).getAllByRole("link").map((a) => a.getAttribute("href"))).toEqual(
      page.relatedCauses.map((c) => c.url),
    );
    const crumbs = screen.getByRole("navigation", { name: "Breadcrumbs" });
    expect(within(crumbs).getByRole("link", { name: page.category.title }).getAttribute("href")).toBe(page.category.url);
  });
});

describe("fallback page", () => {
  it("is labelled, and its content carries the language it is in", () => {
    const page = fixtures.causeFrFallback;
    const path = "/fr" + page.url;
    const { container } = render(
      <ArticlePage resolved={{ kind: "cause", page }} ui="fr" path={path} locales={fixtures.locales} />,
    );
    expect(container.querySelector("[data-fallback]")?.textContent).toContain("not yet available in French");
    expect(screen.getByRole("article").getAttribute("lang")).toBe("en");
    // Its translations are the English page's: no switcher pretending otherwise.
    expect(screen.queryByRole("navigation", { name: "Languages" })).toBeNull();
  });
});

describe("hub and category pages", () => {
  it("the hub lists every category and its causes", () => {
    const page = fixtures.hubDe;
    render(<ArticlePage resolved={{ kind: "hub", page }} ui="de" path={page.url!} locales={fixtures.locales} />);
    const list = screen.getByRole("region", { name: "Gruppen von Ursachen" });
    for (const category of page.categories) {
      expect(within(list).getByRole("link", { name: category.title }).getAttribute("href")).toBe(category.url);
    }
  });

  it("a category lists its causes", () => {
    const page = fixtures.categoryEn;
    render(<ArticlePage resolved={{ kind: "category", page }} ui="en" path={page.url!} locales={fixtures.locales} />);
    const list = screen.getByRole("region", { name: "Causes in this group" });
    expect(within(list).getAllByRole("link")).toHaveLength(page.causes.length);
  });
});
