import { describe, expect, it } from "vitest";
import { fixtures } from "@/__fixtures__";
import { locatePath, unprefixedPath } from "./locales";

describe("paths and languages", () => {
  const locales = fixtures.locales;

  it("reads the default language without a prefix and every other one with its code", () => {
    expect(locatePath(["causes", "x"], locales)).toEqual({ locale: "en", defaultLocale: "en", segments: ["causes", "x"] });
    expect(locatePath(["de", "causes"], locales)).toEqual({ locale: "de", defaultLocale: "en", segments: ["causes"] });
    // The default language's code is no prefix: /en/... is not a page address.
    expect(locatePath(["en", "causes"], locales).segments).toEqual(["en", "causes"]);
  });

  it("strips the language prefix of a url", () => {
    expect(unprefixedPath("/de/a/b/", locales)).toBe("/a/b/");
    expect(unprefixedPath("/a/b/", locales)).toBe("/a/b/");
  });
});
