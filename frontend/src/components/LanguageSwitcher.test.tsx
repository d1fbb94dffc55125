import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fixtures } from "@/__fixtures__";
import { LanguageSwitcher } from "./LanguageSwitcher";

describe("language switcher", () => {
  it("links to the same page in every language it is live in, each named in itself", () => {
    const page = fixtures.causeEn;
    render(
      <LanguageSwitcher current="en" currentUrl={page.url!} translations={page.translations} locales={fixtures.locales} />,
    );
    const nav = screen.getByRole("navigation", { name: "Languages" });
    const links = within(nav).getAllByRole("link");
    expect(links).toHaveLength(1 + page.translations.length);
    const german = within(nav).getByRole("link", { name: "Deutsch" });
    const de = page.translations.find((t) => t.locale === "de");
    expect(german.getAttribute("href")).toBe(de?.url);
    expect(german.getAttribute("hreflang")).toBe("de");
    expect(german.getAttribute("lang")).toBe("de");
    const current = within(nav).getByRole("link", { current: "page" });
    expect(current.getAttribute("href")).toBe(page.url);
    expect(current.textContent).toContain("English");
  });

  it("leads back from the German page to the English one, labelled in German", () => {
    const page = fixtures.causeDe;
    render(
      <LanguageSwitcher current="de" currentUrl={page.url!} translations={page.translations} locales={fixtures.locales} />,
    );
    const nav = screen.getByRole("navigation", { name: "Sprachen" });
    expect(within(nav).getByRole("link", { name: "English" }).getAttribute("href")).toBe(fixtures.causeEn.url);
    expect(within(nav).getByRole("link", { current: "page" }).textContent).toContain("aktuelle Sprache");
  });

  it("is left out when the page has no other language", () => {
    const { container } = render(
      <LanguageSwitcher current="en" currentUrl="/x/" translations={[]} locales={fixtures.locales} />,
    );
    expect(container.innerHTML).toBe("");
  });
});
