import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fixtures } from "@/__fixtures__";
import { TranslationNotice } from "./TranslationNotice";

describe("translation notice", () => {
  const fallback = fixtures.causeFrFallback;

  it("says in the reader's language that a fallback page is in another one", () => {
    expect(fallback.isFallback).toBe(true);
    expect(fallback.servedLocale).toBe("en");
    render(<TranslationNotice ui="de" {...fallback} />);
    expect(screen.getByRole("note").textContent).toBe(
      "Diese Seite ist noch nicht auf Deutsch verfügbar; Sie lesen die Fassung auf Englisch.",
    );
  });

  it("uses English words for a language without its own dictionary", () => {
    render(<TranslationNotice ui="fr" {...fallback} />);
    expect(screen.getByRole("note").textContent).toBe(
      "This page is not yet available in French; you are reading the English version.",
    );
  });

  it("names the source language of a partial translation", () => {
    render(<TranslationNotice ui="de" {...fixtures.causeDe} isPartialTranslation sourceLocale="en" />);
    expect(screen.getByRole("note").textContent).toContain("auf Englisch angezeigt");
  });

  it("says nothing on a complete page", () => {
    const { container } = render(<TranslationNotice ui="de" {...fixtures.causeDe} />);
    expect(fixtures.causeDe.isFallback).toBe(false);
    expect(container.innerHTML).toBe("");
  });
});
