// @vitest-environment node
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The palette of globals.css, read from the file itself. */
const css = readFileSync(new URL("./globals.css", import.meta.url), "utf8");
const palette = Object.fromEntries(
  [...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map((m) => [m[1], m[2]]),
);

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio. */
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

const BACKGROUNDS = ["bg", "info-bg", "support-bg", "warning-bg", "review-bg"];

describe("colour contrast (WCAG 2.2 AA)", () => {
  it("reads the whole palette", () => {
    for (const name of ["text", "muted", "accent", "focus", ...BACKGROUNDS, "banner-bg", "banner-text"]) {
      expect(palette[name], name).toMatch(/^#/);
    }
  });

  it.each(["text", "muted", "accent"])("%s text is at least 4.5:1 on every background it is on", (fg) => {
    for (const bg of BACKGROUNDS) {
      expect(contrast(palette[fg]!, palette[bg]!), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("the preview banner's text is at least 4.5:1", () => {
    expect(contrast(palette["banner-text"]!, palette["banner-bg"]!)).toBeGreaterThanOrEqual(4.5);
  });

  it("the focus ring is at least 3:1 against every background, the banner's too", () => {
    for (const bg of [...BACKGROUNDS, "banner-bg"]) {
      expect(contrast(palette.focus!, palette[bg]!), `focus on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });
});
