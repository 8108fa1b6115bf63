import { describe, expect, it } from "vitest";
import { attrKey, fold, foldedStems, searchTermsOf, stem, titleSortKey } from "./document.ts";
import { respell } from "./fold.ts";
import { closestTerm, editDistance, parseQuery, tsqueryText } from "./query.ts";

describe("Turkish folding", () => {
  it("lowercases with Turkish rules and folds to ASCII", () => {
    expect(fold("Şarj Aleti")).toBe("sarj aleti");
    expect(fold("İSTANBUL")).toBe("istanbul");
    expect(fold("IŞIK")).toBe("isik");
    expect(fold("ılık İĞNE")).toBe("ilik igne");
    expect(fold("Çöğüş")).toBe("cogus");
    expect(fold("Kâğıt hâlâ Îmâ Ûmran")).toBe("kagit hala ima umran");
    expect(fold("Crème Brûlée")).toBe("creme brulee");
  });

  it("makes facet keys from names and values", () => {
    expect(attrKey("Renk", "Kırmızı")).toBe("renk:kirmizi");
    expect(attrKey("Ekran Boyutu", "15,6 inç")).toBe("ekran boyutu:15 6 inc");
  });
});

describe("Turkish stemming", () => {
  it("strips plural and case suffixes", () => {
    expect(stem("kitaplar")).toBe("kitap");
    expect(stem("kulaklıklar")).toBe("kulaklık");
    expect(stem("telefonlar")).toBe("telefon");
    expect(stem("ab")).toBe("ab");
  });

  it("gives folded stems of Turkish and ASCII spellings, without the word itself", () => {
    expect(foldedStems("kulaklıklar")).toEqual(["kulaklik"]);
    expect(foldedStems("kulakliklar")).toEqual(["kulaklik"]);
    expect(foldedStems("kitap")).toEqual([]);
  });
});

describe("vocabulary", () => {
  it("lists distinct folded words, not stems, codes of one character or numbers", () => {
    const terms = searchTermsOf({
      title: "Kablosuz Kulaklıklar",
      brand: "Ses",
      categories: ["Elektronik", "Ses Sistemleri"],
      tags: ["yeni"],
      specs: ["Renk: Siyah", "Pil 20 saat"],
      skus: ["KK-1"],
    });
    expect(terms.sort()).toEqual([
      "elektronik",
      "kablosuz",
      "kk",
      "kulakliklar",
      "pil",
      "renk",
      "saat",
      "ses",
      "sistemleri",
      "siyah",
      "yeni",
    ]);
  });
});

describe("titleSortKey", () => {
  const sorted = (titles: string[]) =>
    [...titles].sort((a, b) => (titleSortKey(a) < titleSortKey(b) ? -1 : titleSortKey(a) > titleSortKey(b) ? 1 : 0));

  it("orders by the Turkish alphabet, case-insensitively", () => {
    expect(sorted(["çanta", "Cüzdan", "dolap", "bardak"])).toEqual(["bardak", "Cüzdan", "çanta", "dolap"]);
    expect(sorted(["iğne", "ılık", "Işık", "İnci", "hırka"])).toEqual(["hırka", "ılık", "Işık", "iğne", "İnci"]);
    expect(sorted(["şal", "sabun", "Şapka", "tabak", "su"])).toEqual(["sabun", "su", "şal", "Şapka", "tabak"]);
    expect(sorted(["üzüm", "uzun", "vazo", "ördek", "otel", "pul"])).toEqual(["otel", "ördek", "pul", "uzun", "üzüm", "vazo"]);
    expect(sorted(["ğ", "g", "h"])).toEqual(["g", "ğ", "h"]);
  });

  it("puts digits first and a word break before letters", () => {
    expect(sorted(["Zil", "3'lü Set", "Ayna", "10 Kalem"])).toEqual(["10 Kalem", "3'lü Set", "Ayna", "Zil"]);
    expect(sorted(["şalvar", "şal örtü", "şal"])).toEqual(["şal", "şal örtü", "şalvar"]);
  });

  it("treats circumflex and other accents as the base letter and uses only [0-9a-z]", () => {
    expect(titleSortKey("Kâğıt")).toBe(titleSortKey("kağıt"));
    expect(titleSortKey("Café")).toBe(titleSortKey("cafe"));
    expect(titleSortKey("Çok-Amaçlı  Çanta!")).toMatch(/^[0-9a-z]+$/);
    expect(titleSortKey("  ")).toBe("");
  });
});

describe("query parsing", () => {
  it("folds words, adds stems and makes the last word a prefix", () => {
    const words = parseQuery("  Kitaplar KULA ");
    expect(words.map((w) => w.folded)).toEqual(["kitaplar", "kula"]);
    expect(tsqueryText(words)).toBe("(kitaplar | kitap) & (kula:* | kul)");
  });

  it("does not treat the last word as a prefix after a trailing space-free punctuation", () => {
    expect(tsqueryText(parseQuery("şarj."))).toBe("sarj");
  });

  it("ignores punctuation and tsquery operators", () => {
    expect(parseQuery("!&|():* '")).toEqual([]);
    expect(tsqueryText(parseQuery("a&b|c"))).toBe("a & b & c:*");
  });
});

describe("typo correction helpers", () => {
  it("measures edit distance with adjacent swaps as one edit", () => {
    expect(editDistance("kulaklk", "kulaklik")).toBe(1);
    expect(editDistance("kulaklk", "kulak")).toBe(2);
    expect(editDistance("telfeon", "telefon")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("şarj", "sarj")).toBe(1);
  });

  it("picks the closest candidate, preferring the earlier one on ties, within the tolerated edits", () => {
    expect(closestTerm("kulaklk", ["kulak", "kulaklik"], false)).toBe("kulaklik");
    expect(closestTerm("telefn", ["telefon", "telefonlar"], false)).toBe("telefon");
    expect(closestTerm("abc", ["xyz"], false)).toBeNull();
    // A word being typed matches the beginning of a longer term.
    expect(closestTerm("kulakl", ["kolaklik"], true)).toBe("kolaklik");
    expect(closestTerm("kulakl", ["kolaklik"], false)).toBeNull();
  });
});

describe("respell", () => {
  it("spells folded words as the sources do", () => {
    expect(respell("kablosuz kulaklik", ["Kablosuz Kulaklık Seti"])).toBe("kablosuz kulaklık");
    expect(respell("sarj xyz", ["Şarj Aleti"])).toBe("şarj xyz");
  });
});
