import { describe, expect, it } from "vitest";
import { escapeHtml, renderLegalHtml } from "./html.ts";
import { distanceSalesContract, preInformationForm } from "./legal.ts";
import { SAMPLE_LINES, sampleOrder } from "./test-data.ts";

const ALLOWED_TAGS = new Set([
  "article",
  "header",
  "section",
  "h2",
  "h3",
  "p",
  "dl",
  "dt",
  "dd",
  "ul",
  "li",
  "div",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "br",
  "span",
]);

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function hostileOrder() {
  return sampleOrder({
    lines: [
      { ...SAMPLE_LINES[0], title: HOSTILE, variantLabel: `"><b>kalın</b>`, sku: "A&B'C" } as (typeof SAMPLE_LINES)[0],
      ...SAMPLE_LINES.slice(1),
    ],
    overrides: {
      seller: { ...sampleOrder().seller, name: `Mağaza "&" <Şirket>` },
      discountLabel: `<i onmouseover="x">KOD</i>`,
      shippingMethod: "Kargo </td></tr></table><script>bad()</script>",
    },
  });
}

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeHtml("Çiğdem İş Yeri ₺")).toBe("Çiğdem İş Yeri ₺");
  });
});

describe("renderLegalHtml", () => {
  it.each([preInformationForm, distanceSalesContract])("escapes every value, including a hostile product title", (build) => {
    const html = renderLegalHtml(build(hostileOrder()));
    const tags = [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)/g)].map((m) => (m[1] ?? "").toLowerCase());
    expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
    expect(html).not.toMatch(/<script|<img|<b>|<i[\s>]/i);
    // No tag carries an event handler or anything but class, lang, scope, colspan and data-document.
    const attributes = [...html.matchAll(/<[a-z0-9]+((?:\s+[a-z-]+="[^"]*")*)\s*\/?>/gi)].flatMap((m) =>
      [...(m[1] ?? "").matchAll(/([a-z-]+)="/gi)].map((a) => a[1]),
    );
    expect(new Set(attributes)).toEqual(new Set(["class", "lang", "data-document", "scope", "colspan"]));
    expect(html.match(/<[^>]*>/g)?.join("")).not.toMatch(/\son[a-z]+=/i);
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("Mağaza &quot;&amp;&quot; &lt;Şirket&gt;");
    expect(html).toContain("A&amp;B&#39;C");
  });

  it("renders the structure: title, headings, identity list, bullet list and the goods table", () => {
    const data = sampleOrder();
    const html = renderLegalHtml(preInformationForm(data), { headingLevel: 3 });
    expect(html).toMatch(/^<article [^>]*lang="tr"[^>]*data-document="pre-information"/);
    expect(html).toContain(`<h3 class="text-lg font-bold">ÖN BİLGİLENDİRME FORMU</h3>`);
    expect(html.match(/<h4 /g)).toHaveLength(10);
    expect(html).toContain(`<dt class="font-semibold">MERSİS no</dt>`);
    expect(html.match(/<li>/g)?.length).toBeGreaterThanOrEqual(10);
    expect(html.match(/<tbody>(.*)<\/tbody>/)?.[1]?.match(/<tr /g)).toHaveLength(data.lines.length);
    expect(html).toContain("Kadıköy / İstanbul 34728");
    // Multi-line values keep their line breaks.
    expect(html).toContain("Bağdat Caddesi No: 214 D: 3<br>Caddebostan");
  });
});
