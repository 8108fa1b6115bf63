// Renders a legal document as an HTML fragment for a scrollable box at checkout and on the order
// page. Every value is escaped; the markup uses Tailwind utilities and a base size of 16 px (12 pt),
// the minimum type size for consumer contracts.

import type { LegalDocument, LegalSection, LegalTable } from "./legal.ts";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Text with "\n" line breaks; lines after the first are muted (variant, SKU, discount of a line). */
function lines(value: string, mutedAfterFirst = false): string {
  const parts = value.split("\n").map(escapeHtml);
  if (!mutedAfterFirst || parts.length === 1) return parts.join("<br>");
  return [parts[0], ...parts.slice(1).map((p) => `<span class="text-stone-600">${p}</span>`)].join("<br>");
}

function renderTable(table: LegalTable): string {
  const align = (i: number) => (table.columns[i]?.align === "right" ? "text-right tabular-nums" : "text-left");
  const head = table.columns
    .map((c, i) => `<th scope="col" class="${align(i)} border-b border-stone-300 px-2 py-1 font-semibold">${escapeHtml(c.label)}</th>`)
    .join("");
  const body = table.rows
    .map(
      (row) =>
        `<tr class="align-top">${row
          .map((cell, i) => `<td class="${align(i)} border-b border-stone-200 px-2 py-1">${lines(cell, i === 0)}</td>`)
          .join("")}</tr>`,
    )
    .join("");
  const span = Math.max(1, table.columns.length - 1);
  const foot = (table.summary ?? [])
    .map((s) => {
      const weight = s.emphasis ? " font-bold" : "";
      return `<tr><th scope="row" colspan="${span}" class="px-2 py-0.5 text-right font-normal${weight}">${escapeHtml(s.label)}</th><td class="px-2 py-0.5 text-right tabular-nums${weight}">${escapeHtml(s.value)}</td></tr>`;
    })
    .join("");
  return `<div class="overflow-x-auto"><table class="w-full border-collapse"><thead><tr>${head}</tr></thead><tbody>${body}</tbody>${
    foot ? `<tfoot>${foot}</tfoot>` : ""
  }</table></div>`;
}

function renderSection(section: LegalSection, level: number): string {
  const parts = [`<h${level} class="font-bold">${escapeHtml(section.heading)}</h${level}>`];
  if (section.fields && section.fields.length > 0) {
    const rows = section.fields
      .map((f) => `<dt class="font-semibold">${escapeHtml(f.label)}</dt><dd class="sm:col-start-2">${lines(f.value)}</dd>`)
      .join("");
    parts.push(`<dl class="grid gap-x-4 gap-y-1 sm:grid-cols-[minmax(9rem,max-content)_1fr]">${rows}</dl>`);
  }
  for (const p of section.paragraphs) parts.push(`<p>${lines(p)}</p>`);
  if (section.list && section.list.length > 0) {
    parts.push(`<ul class="list-disc space-y-1 pl-6">${section.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`);
  }
  if (section.table) parts.push(renderTable(section.table));
  for (const p of section.after ?? []) parts.push(`<p>${lines(p)}</p>`);
  return `<section class="space-y-2">${parts.join("")}</section>`;
}

export interface LegalHtmlOptions {
  /** Level of the title heading; section headings are one below. Default 2. */
  headingLevel?: 1 | 2 | 3 | 4 | 5;
}

/** A safe HTML fragment (an <article>) of a pre-information form or distance sales contract. */
export function renderLegalHtml(doc: LegalDocument, options: LegalHtmlOptions = {}): string {
  const level = options.headingLevel ?? 2;
  const sections = doc.sections.map((s) => renderSection(s, level + 1)).join("");
  return `<article class="space-y-4 text-base leading-relaxed text-stone-900" lang="${doc.locale === "en" ? "en" : "tr"}" data-document="${escapeHtml(doc.kind)}"><header class="space-y-1"><h${level} class="text-lg font-bold">${escapeHtml(doc.title)}</h${level}><p class="text-stone-600">${escapeHtml(doc.subtitle)}</p></header>${sections}</article>`;
}
