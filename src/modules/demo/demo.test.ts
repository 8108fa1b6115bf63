import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { slugify } from "../../platform/text.ts";
import { parseArgs } from "./cli.ts";
import { DEMO_CATEGORIES, DEMO_PRODUCTS, demoCategoryIndex } from "./data.ts";
import { charmPrice, compareAtFor, createRandom } from "./generate.ts";
import { escapeXml, IMAGE_KINDS, mapLimit, productSvg, THEMES } from "./images.ts";
import { LEAF_PARTS } from "./parts.ts";

describe("demo data", () => {
  const index = demoCategoryIndex();

  it("has at least five root categories, each with children, with English names and slug-shaped slugs", () => {
    expect(DEMO_CATEGORIES.length).toBeGreaterThanOrEqual(5);
    const slugs = new Set<string>();
    for (const root of DEMO_CATEGORIES) {
      expect(root.children?.length, root.name).toBeGreaterThan(0);
      for (const c of [root, ...(root.children ?? [])]) {
        expect(c.slug).toBe(slugify(c.name));
        expect(c.en).toBeTruthy();
        expect(slugs.has(c.slug), c.slug).toBe(false);
        slugs.add(c.slug);
      }
    }
  });

  it("has at least 64 well-formed products", () => {
    expect(DEMO_PRODUCTS.length).toBeGreaterThanOrEqual(64);
    const titles = new Set<string>();
    for (const p of DEMO_PRODUCTS) {
      expect(index.has(p.category), `${p.title}: ${p.category}`).toBe(true);
      expect(titles.has(p.title), p.title).toBe(false);
      titles.add(p.title);
      expect(Number.isSafeInteger(p.price) && p.price > 0, p.title).toBe(true);
      if (p.compareAt !== undefined) expect(p.compareAt, p.title).toBeGreaterThan(p.price);
      expect(p.colors.length, p.title).toBeGreaterThanOrEqual(1);
      expect(p.colors.length, p.title).toBeLessThanOrEqual(3);
      for (const c of [...p.colors, p.accent ?? "#000000"]) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
      expect(p.stock).toBeGreaterThanOrEqual(0);
      // 2–3 sentences in both languages
      expect(p.description.split(/[.!?](\s|$)/).filter((s) => s.trim().length > 3).length, p.title).toBeGreaterThanOrEqual(2);
      expect(p.en.title && p.en.description, p.title).toBeTruthy();
      if (p.category.startsWith("roman") || index.get(p.category)?.root.slug === "kitap") expect(p.vat, p.title).toBe(10);
    }
    // every leaf category is stocked
    for (const leaf of index.keys())
      expect(
        DEMO_PRODUCTS.some((p) => p.category === leaf),
        leaf,
      ).toBe(true);
    expect(DEMO_PRODUCTS.filter((p) => p.stock === 0).length).toBeGreaterThanOrEqual(3);
    expect(DEMO_PRODUCTS.filter((p) => p.featured).length).toBeGreaterThanOrEqual(8);
    expect(DEMO_PRODUCTS.filter((p) => p.compareAt).length).toBeGreaterThanOrEqual(15);
  });

  it("has generator parts for every leaf category", () => {
    for (const leaf of index.keys()) {
      const parts = LEAF_PARTS[leaf];
      expect(parts, leaf).toBeDefined();
      for (const t of parts?.types ?? []) expect(t.lira[0]).toBeLessThan(t.lira[1]);
    }
  });
});

describe("pictures", () => {
  it("draws every kind as valid SVG that sharp renders at 800×800", async () => {
    const kinds = [...IMAGE_KINDS];
    const themes = Object.keys(THEMES) as (keyof typeof THEMES)[];
    await mapLimit(kinds, 4, async (kind, i) => {
      const svg = productSvg({
        kind,
        theme: themes[i % themes.length] as keyof typeof THEMES,
        color: "#3f7fd9",
        brand: `Marka & <Şirket> "${kind}"`,
        label: "İstanbul'un Kayıp Saatleri & <Diğer>",
        layout: i % 3,
      });
      const meta = await sharp(Buffer.from(svg)).metadata();
      expect(meta, kind).toMatchObject({ format: "svg", width: 800, height: 800 });
      // density 9 rasterises straight at 100 px (72 dpi = 800 px): cheap enough for a unit test.
      const stats = await sharp(Buffer.from(svg), { density: 9 }).stats();
      // Not a blank canvas: the drawing adds contrast.
      expect(Math.max(...stats.channels.map((c) => c.stdev)), kind).toBeGreaterThan(8);
    });
  }, 60_000);

  it("escapes text for XML", () => {
    expect(escapeXml(`<a href="x">Ç & 'y'</a>`)).toBe("&#60;a href=&#34;x&#34;&#62;Ç &#38; &#39;y&#39;&#60;/a&#62;");
  });

  it("mapLimit keeps order, limits concurrency and waits for running work before rejecting", async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 3, 2, 4], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 30, 20, 40]);
    expect(peak).toBe(2);

    const started: number[] = [];
    let finished = 0;
    await expect(
      mapLimit([0, 1, 2, 3, 4, 5], 2, async (n) => {
        started.push(n);
        if (n === 1) throw new Error("boom");
        await new Promise((r) => setTimeout(r, 20));
        finished++;
      }),
    ).rejects.toThrow("boom");
    expect(running).toBe(0);
    expect(finished).toBe(started.length - 1);
    expect(started.length).toBeLessThan(6);
  });
});

describe("generator helpers", () => {
  it("createRandom is deterministic per seed", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it("charmPrice gives shop-like integer kuruş prices inside the range", () => {
    const random = createRandom(1);
    for (let i = 0; i < 2000; i++) {
      const range: [number, number] = i % 3 === 0 ? [99, 999] : i % 3 === 1 ? [1000, 9999] : [10000, 99999];
      const price = charmPrice(random, range);
      expect(Number.isSafeInteger(price)).toBe(true);
      expect(price).toBeGreaterThanOrEqual(range[0] * 100);
      expect(price).toBeLessThan((range[1] + 1000) * 100);
      if (price < 100000) expect(price % 1000).toBe(990);
      else if (price < 1000000) expect([9900, 9990]).toContain(price % 10000);
      else expect(price % 100000).toBe(99900);
    }
  });

  it("compareAtFor is above the price and ends in ,90", () => {
    for (const [price, pct] of [
      [129990, 20],
      [34990, 10],
      [1499900, 40],
      [990, 15],
    ] as const) {
      const compareAt = compareAtFor(price, pct);
      expect(compareAt).toBeGreaterThan(price);
      expect(compareAt % 100).toBe(90);
      expect(compareAt).toBeGreaterThanOrEqual(Math.ceil((price * 100) / (100 - pct)));
    }
  });
});

describe("seed CLI arguments", () => {
  it("parses the options", () => {
    expect(parseArgs([])).toEqual({ help: false, products: 0, avif: false });
    expect(parseArgs(["--products", "100000"])).toMatchObject({ products: 100000 });
    expect(parseArgs(["--products=100_000"])).toMatchObject({ products: 100000 });
    expect(parseArgs(["--products", "100.000"])).toMatchObject({ products: 100000 });
    expect(parseArgs(["--products", "2,000", "--seed", "7", "--avif"])).toEqual({ help: false, products: 2000, seed: 7, avif: true });
    expect(parseArgs(["-h"]).help).toBe(true);
  });

  it("rejects bad input with a clear message", () => {
    expect(() => parseArgs(["--products"])).toThrow(/needs a number/);
    expect(() => parseArgs(["--products", "--avif"])).toThrow(/needs a number/);
    expect(() => parseArgs(["--products", "lots"])).toThrow(/whole number, got "lots"/);
    expect(() => parseArgs(["--products", "-5"])).toThrow(/needs a number/);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/unknown option "--frobnicate"/);
  });
});
