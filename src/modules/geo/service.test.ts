import { describe, expect, it } from "vitest";
import { checkLocation, districts, findDistrict, neighbourhoods, parseProvinceCode, province, provinces } from "./service.ts";

describe("geo data", () => {
  it("lists the 81 provinces with plate codes, in Turkish order", () => {
    const list = provinces();
    expect(list).toHaveLength(81);
    expect(new Set(list.map((p) => p.code)).size).toBe(81);
    expect(list[0]).toEqual({ code: 1, name: "Adana" });
    expect(list.at(-1)).toEqual({ code: 67, name: "Zonguldak" });
    const names = list.map((p) => p.name);
    // Ç after C, I (Iğdır) before İ (İstanbul, İzmir), Ş after S
    expect(names.indexOf("Çanakkale")).toBeGreaterThan(names.indexOf("Bursa"));
    expect(names.indexOf("Çanakkale")).toBeLessThan(names.indexOf("Denizli"));
    expect(names.indexOf("Iğdır")).toBeLessThan(names.indexOf("İstanbul"));
    expect(names.indexOf("Şanlıurfa")).toBeGreaterThan(names.indexOf("Sivas"));
    expect(province(34)?.name).toBe("İstanbul");
    expect(province(6)?.name).toBe("Ankara");
  });

  it("parses plate codes", () => {
    expect(parseProvinceCode("06")).toBe(6);
    expect(parseProvinceCode("6")).toBe(6);
    expect(parseProvinceCode(81)).toBe(81);
    for (const bad of ["0", "82", "abc", "", "1.5", null, "034"]) expect(parseProvinceCode(bad)).toBeNull();
  });

  it("lists districts and neighbourhoods", () => {
    expect(districts(34)).toContain("Kadıköy");
    expect(districts(34)).toHaveLength(39);
    expect(districts(99)).toEqual([]);
    expect(findDistrict(34, "KADIKÖY")).toBe("Kadıköy");
    expect(findDistrict(34, "kadıköy")).toBe("Kadıköy");
    expect(findDistrict(6, "Kadıköy")).toBeNull();
    const list = neighbourhoods(34, "Kadıköy");
    expect(list).toContain("Caferağa Mah");
    expect(list).toEqual([...list].sort(new Intl.Collator("tr").compare));
    expect(neighbourhoods(34, "Nowhere")).toEqual([]);
  });

  it("checks a province/district/neighbourhood triple", () => {
    expect(checkLocation(34, "kadıköy", "caferağa mah")).toEqual({
      ok: true,
      location: { provinceCode: 34, province: "İstanbul", district: "Kadıköy", neighbourhood: "Caferağa Mah" },
    });
    expect(checkLocation("99", "Kadıköy", "Caferağa Mah")).toMatchObject({ ok: false, field: "provinceCode" });
    expect(checkLocation(6, "Kadıköy", "Caferağa Mah")).toMatchObject({ ok: false, field: "district" });
    expect(checkLocation(34, "Kadıköy", "Kızılay Mah")).toMatchObject({ ok: false, field: "neighbourhood" });
    expect(checkLocation(34, "Kadıköy", "")).toMatchObject({ ok: false, field: "neighbourhood" });
  });
});
