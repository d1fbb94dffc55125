import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fixtures } from "@/__fixtures__";
import { SiteFooter } from "./SiteFooter";

describe("site footer", () => {
  it("carries the disclaimer, the contact address and the copyright", () => {
    const chrome = fixtures.chromeDe;
    const { container } = render(<SiteFooter chrome={chrome} ui="de" />);
    expect(screen.getByRole("contentinfo")).toBeTruthy();
    expect(container.querySelector(".disclaimer")?.innerHTML).toBe(chrome.disclaimer);
    expect(screen.getByRole("link", { name: chrome.contactEmail }).getAttribute("href")).toBe(
      `mailto:${chrome.contactEmail}`,
    );
    expect(container.textContent).toContain(chrome.copyright);
  });
});
