import { describe, expect, it } from "vitest";
import { asciiFold, compareTr, equalsTr, escapeLike, foldTr, likePattern, likePrefix, slugify, sortTr, upperTr } from "./text.ts";

describe("slugify", () => {
  it.each([
    ["Çocuk & Bebek Ürünleri", "cocuk-bebek-urunleri"],
    ["İSTANBUL", "istanbul"],
    ["IĞDIR", "igdir"],
    ["Işık Şölen Güzelliği", "isik-solen-guzelligi"],
    ["ÇĞİÖŞÜ çğıöşü", "cgiosu-cgiosu"],
    ["Ev & Yaşam", "ev-yasam"],
    ["Telefon & Aksesuar", "telefon-aksesuar"],
    ["Kişisel Gelişim", "kisisel-gelisim"],
    ["Türkiye'nin En İyi Kahvesi", "turkiyenin-en-iyi-kahvesi"],
    ["İstanbul’da Kış", "istanbulda-kis"],
    ["  --Çok   boşluklu -- başlık--  ", "cok-bosluklu-baslik"],
    ["Crème Brûlée à la française", "creme-brulee-a-la-francaise"],
    ["Straße Ærø Łódź Øresund Œuvre", "strasse-aero-lodz-oresund-oeuvre"],
    ["Ñandú São Paulo Dvořák", "nandu-sao-paulo-dvorak"],
    ["iPhone 15 Pro Max (256 GB)", "iphone-15-pro-max-256-gb"],
    ["%50 İndirim!!! Şimdi", "50-indirim-simdi"],
    ["1.299,90 ₺", "1-299-90"],
    ["", ""],
    ["!!! ??? ***", ""],
    ["日本語のテキスト", ""],
  ])("%j → %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("handles decomposed (NFD) input like precomposed", () => {
    expect(slugify("Çiğdem Ünal".normalize("NFD"))).toBe("cigdem-unal");
    expect(slugify("İstanbul".normalize("NFD"))).toBe("istanbul");
  });

  it("cuts long titles at a word boundary and never ends with a separator", () => {
    const title = "Paslanmaz Çelik Granit Kaplama Yapışmaz Tava Seti Yirmi Sekiz Santimetre";
    const slug = slugify(title, { maxLength: 30 });
    expect(slug.length).toBeLessThanOrEqual(30);
    expect(slug).toBe("paslanmaz-celik-granit-kaplama");
    expect(slugify("abc def ghi", { maxLength: 8 })).toBe("abc-def");
    expect(slugify("abc def ghi", { maxLength: 7 })).toBe("abc-def");
    expect(slugify("abc def ghi", { maxLength: 6 })).toBe("abc");
  });

  it("cuts inside a word when there is no nearby boundary", () => {
    expect(slugify("süperkalifrajilistikespialidoşes", { maxLength: 10 })).toBe("superkalif");
    expect(slugify("a süperkalifrajilistikespialidoşes", { maxLength: 10 })).toBe("a-superkal");
  });

  it("uses a custom separator", () => {
    expect(slugify("Ev & Yaşam Ürünleri", { separator: "_" })).toBe("ev_yasam_urunleri");
  });

  it("is stable: slugifying a slug returns it unchanged", () => {
    for (const s of ["cocuk-bebek-urunleri", "a-1-b-2", "istanbul"]) expect(slugify(s)).toBe(s);
  });
});

describe("foldTr / upperTr", () => {
  it("lowercases with Turkish rules", () => {
    expect(foldTr("İSTANBUL")).toBe("istanbul");
    expect(foldTr("IĞDIR")).toBe("ığdır");
    expect(foldTr("ISPARTA İZMİR")).toBe("ısparta izmir");
    expect(foldTr("ÇĞÖŞÜ")).toBe("çğöşü");
    // not the locale-free "i̇" (i + U+0307) that "İ".toLowerCase() gives
    expect(foldTr("İ")).toHaveLength(1);
    expect(foldTr("İ".normalize("NFD"))).toBe("i");
  });

  it("uppercases with Turkish rules", () => {
    expect(upperTr("istanbul")).toBe("İSTANBUL");
    expect(upperTr("ığdır")).toBe("IĞDIR");
    expect(upperTr("çiğ köfte")).toBe("ÇİĞ KÖFTE");
  });

  it("compares case-insensitively the Turkish way", () => {
    expect(equalsTr("istanbul", "İSTANBUL")).toBe(true);
    expect(equalsTr("ırmak", "IRMAK")).toBe(true);
    expect(equalsTr("irmak", "IRMAK")).toBe(false);
  });
});

describe("asciiFold", () => {
  it("reduces Turkish and other Latin letters to ASCII for search keys", () => {
    expect(asciiFold("IĞDIR")).toBe("igdir");
    expect(asciiFold("İSTANBUL")).toBe("istanbul");
    expect(asciiFold("ıstanbul")).toBe("istanbul");
    expect(asciiFold("Çiğdem Şükrü Öztürk")).toBe("cigdem sukru ozturk");
    expect(asciiFold("Straße Œuvre Ærø")).toBe("strasse oeuvre aero");
    expect(asciiFold("Ürün: 1.299,90 ₺")).toBe("urun: 1.299,90 ₺");
  });

  it("makes every spelling of a Turkish word match", () => {
    const keys = new Set(["İstanbul", "ISTANBUL", "istanbul", "ıstanbul", "İSTANBUL"].map(asciiFold));
    expect([...keys]).toEqual(["istanbul"]);
  });
});

describe("compareTr / sortTr", () => {
  it("orders the Turkish alphabet", () => {
    const letters = ["ü", "u", "ş", "s", "ö", "o", "i", "ı", "ğ", "g", "ç", "c", "v", "t", "p", "h", "d", "a", "b"];
    expect(sortTr(letters).join("")).toBe("abcçdgğhıioöpsştuüv");
  });

  it("puts ç after c, ğ after g, ı before i, ö after o, ş after s, ü after u in words", () => {
    expect(sortTr(["Çorum", "Denizli", "Bursa", "Ceyhan"])).toEqual(["Bursa", "Ceyhan", "Çorum", "Denizli"]);
    expect(sortTr(["İzmir", "Isparta", "Hatay", "Jandarma"])).toEqual(["Hatay", "Isparta", "İzmir", "Jandarma"]);
    expect(sortTr(["Şırnak", "Sinop", "Tokat"])).toEqual(["Sinop", "Şırnak", "Tokat"]);
    expect(sortTr(["Ünye", "Uşak", "Van"])).toEqual(["Uşak", "Ünye", "Van"]);
    expect(sortTr(["Ödemiş", "Ordu", "Pazar"])).toEqual(["Ordu", "Ödemiş", "Pazar"]);
    expect(sortTr(["ğ", "g", "h"])).toEqual(["g", "ğ", "h"]);
    expect(compareTr("ı", "i")).toBeLessThan(0);
    expect(compareTr("c", "ç")).toBeLessThan(0);
  });

  it("compares numbers by value", () => {
    expect(sortTr(["Model 10", "Model 2", "Model 1"])).toEqual(["Model 1", "Model 2", "Model 10"]);
  });

  it("sorts objects by a key without changing the input", () => {
    const input = [{ name: "Şeker" }, { name: "Çay" }, { name: "Süt" }, { name: "Bal" }];
    const sorted = sortTr(input, (x) => x.name);
    expect(sorted.map((x) => x.name)).toEqual(["Bal", "Çay", "Süt", "Şeker"]);
    expect(input[0]?.name).toBe("Şeker");
  });
});

describe("LIKE patterns", () => {
  it("escapes the wildcards and the escape character", () => {
    expect(escapeLike("plain text")).toBe("plain text");
    expect(escapeLike("100%_ a\\b")).toBe("100\\%\\_ a\\\\b");
  });

  it("builds contains and prefix patterns", () => {
    expect(likePattern("ayşe")).toBe("%ayşe%");
    expect(likePattern("100%_")).toBe("%100\\%\\_%");
    expect(likePrefix("auth.")).toBe("auth.%");
    expect(likePrefix("auth.two_factor_")).toBe("auth.two\\_factor\\_%");
  });
});
