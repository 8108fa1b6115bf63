// Product pictures for the demo store, drawn as SVG and rasterised with sharp: no downloads, no
// binary assets in the repository. Each picture is a square "studio shot": a pastel gradient per
// category, a soft backdrop, a flat vector illustration of the product kind with light shading,
// a floor shadow and the brand name small in a corner.

import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import os, { availableParallelism } from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { Storage } from "../../platform/storage/types.ts";
import type { ImageVariant } from "../catalog/schema.ts";

export const IMAGE_KINDS = [
  "phone",
  "powerbank",
  "laptop",
  "mouse",
  "headphones",
  "earbuds",
  "speaker",
  "watch",
  "mug",
  "pan",
  "cezve",
  "teapot",
  "lamp",
  "vase",
  "cushion",
  "towels",
  "tshirt",
  "shirt",
  "dress",
  "bag",
  "sneaker",
  "book",
  "dumbbell",
  "mat",
  "bottle",
  "tent",
  "backpack",
  "bicycle",
  "helmet",
  "jar",
  "coffee",
] as const;
export type ImageKind = (typeof IMAGE_KINDS)[number];

/** Background moods, one per root category. */
export const THEMES = {
  electronics: { from: "#eef2fb", to: "#d6dff3", glow: "#ffffff", ink: "#3b4a6b" },
  home: { from: "#fbf3ea", to: "#f0dcc6", glow: "#fffaf3", ink: "#7a5534" },
  fashion: { from: "#fbeff3", to: "#efd3de", glow: "#fff7fa", ink: "#7d3b57" },
  books: { from: "#f5f1e8", to: "#e4dac6", glow: "#fffdf7", ink: "#5f513a" },
  sports: { from: "#ebf7f1", to: "#cfe8dc", glow: "#f8fffb", ink: "#2f6450" },
  grocery: { from: "#fff8e6", to: "#f6e3b4", glow: "#fffdf5", ink: "#7a5a14" },
} as const;
export type ThemeName = keyof typeof THEMES;

export interface ImageSpec {
  kind: ImageKind;
  theme: ThemeName;
  /** Main colour of the product, `#rrggbb`. */
  color: string;
  /** Second colour (cover art, label, sole...); derived from the main colour when absent. */
  accent?: string;
  /** Printed small in the top-left corner. */
  brand?: string;
  /** Text on the product itself: the title on a book cover, the word on a jar label. */
  label?: string;
  /** 0 = hero shot, 1 = turned with another backdrop, 2 = on a podium. */
  layout?: number;
}

export const MASTER_SIZE = 800;

export interface RenderOptions {
  /** Output widths (square images); the first one is the master. Default [800, 400]. */
  widths?: number[];
  /** Also make AVIF at these widths. Default none (AVIF encoding costs ~5× WebP). */
  avifWidths?: number[];
  webpQuality?: number;
}

export interface RenderedImage {
  format: "webp" | "avif";
  width: number;
  height: number;
  data: Buffer;
}

// ---------------------------------------------------------------------------------------------
// colour helpers

function parseHex(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m?.[1]) throw new Error(`expected a #rrggbb colour, got ${hex}`);
  const n = Number.parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
function toHex([r, g, b]: [number, number, number]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v)))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")}`;
}
/** Mixes `hex` with `other` by `amount` (0 = hex, 1 = other). */
export function mix(hex: string, other: string, amount: number): string {
  const a = parseHex(hex);
  const b = parseHex(other);
  return toHex([a[0] + (b[0] - a[0]) * amount, a[1] + (b[1] - a[1]) * amount, a[2] + (b[2] - a[2]) * amount]);
}
const lighten = (hex: string, amount: number) => mix(hex, "#ffffff", amount);
const darken = (hex: string, amount: number) => mix(hex, "#000000", amount);
function luminance(hex: string): number {
  const [r, g, b] = parseHex(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
function rotateHue(hex: string, degrees: number): string {
  const [r, g, b] = parseHex(hex).map((v) => v / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  const d = max - min;
  let h = 0;
  const s = d === 0 ? 0 : d / (1 - Math.abs(2 * l - 1));
  if (d !== 0) {
    if (max === r) h = ((g - b) / d) % 6;
    else if (max === g) h = (b - r) / d + 2;
    else h = (r - g) / d + 4;
  }
  h = (h * 60 + degrees + 360) % 360;
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r1, g1, b1] =
    h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return toHex([(r1 + m) * 255, (g1 + m) * 255, (b1 + m) * 255]);
}

interface Palette {
  base: string;
  light: string;
  lighter: string;
  dark: string;
  darker: string;
  accent: string;
  accentDark: string;
  /** Text colour that reads on `base`. */
  onBase: string;
  ink: string;
}

function palette(color: string, accent?: string): Palette {
  const acc = accent ?? (luminance(color) > 0.8 ? "#2f3a4f" : rotateHue(lighten(color, 0.1), 150));
  return {
    base: color,
    light: lighten(color, 0.3),
    lighter: lighten(color, 0.65),
    dark: darken(color, 0.22),
    darker: darken(color, 0.45),
    accent: acc,
    accentDark: darken(acc, 0.25),
    onBase: luminance(color) > 0.6 ? "#1f2937" : "#fdfaf5",
    ink: "#1f2430",
  };
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SANS = "DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif";
const SERIF = "DejaVu Serif, Liberation Serif, Georgia, Times New Roman, serif";

/** Splits a title into at most `maxLines` lines of about `width` characters. */
function wrapWords(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
    return kept;
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// the illustrations: each draws in an 800×800 box, resting on the floor at y≈630, and says how
// wide its floor shadow is.

interface Drawing {
  body: string;
  /** Half-width of the floor shadow. */
  shadow: number;
  /** Extra scale for very wide or very small objects; default 1. */
  size?: number;
}
type Drawer = (p: Palette, spec: ImageSpec) => Drawing;

/** Shared gradients; drawers refer to them by id. */
function paletteDefs(p: Palette): string {
  return `
  <linearGradient id="mainV" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.light}"/><stop offset="1" stop-color="${p.dark}"/></linearGradient>
  <linearGradient id="mainD" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${p.light}"/><stop offset=".55" stop-color="${p.base}"/><stop offset="1" stop-color="${p.dark}"/></linearGradient>
  <linearGradient id="mainH" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="${p.dark}"/><stop offset=".28" stop-color="${p.light}"/><stop offset=".62" stop-color="${p.base}"/><stop offset="1" stop-color="${p.darker}"/></linearGradient>
  <linearGradient id="accentD" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${lighten(p.accent, 0.2)}"/><stop offset="1" stop-color="${p.accentDark}"/></linearGradient>
  <linearGradient id="metalH" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#8c939e"/><stop offset=".3" stop-color="#eef1f5"/><stop offset=".65" stop-color="#b9c0ca"/><stop offset="1" stop-color="#7b828d"/></linearGradient>
  <linearGradient id="darkV" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3a4150"/><stop offset="1" stop-color="#151922"/></linearGradient>
  <linearGradient id="screen" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${lighten(p.accent, 0.15)}"/><stop offset=".5" stop-color="${p.base}"/><stop offset="1" stop-color="${darken(p.accent, 0.35)}"/></linearGradient>
  <linearGradient id="gloss" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#fff" stop-opacity=".55"/><stop offset=".45" stop-color="#fff" stop-opacity=".08"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></linearGradient>
  <radialGradient id="sheen" cx=".35" cy=".3" r=".75"><stop offset="0" stop-color="#fff" stop-opacity=".45"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient>`;
}

const drawers: Record<ImageKind, Drawer> = {
  phone: (p) => ({
    shadow: 190,
    body: `
    <g transform="rotate(9 520 400)">
      <rect x="395" y="168" width="220" height="452" rx="38" fill="url(#mainD)"/>
      <rect x="418" y="192" width="92" height="118" rx="26" fill="${p.dark}" opacity=".55"/>
      <circle cx="446" cy="224" r="19" fill="#1b1f29" stroke="${p.lighter}" stroke-width="4"/>
      <circle cx="446" cy="278" r="19" fill="#1b1f29" stroke="${p.lighter}" stroke-width="4"/>
      <circle cx="485" cy="250" r="8" fill="#f3f0d8" opacity=".8"/>
      <rect x="395" y="168" width="220" height="452" rx="38" fill="url(#gloss)"/>
    </g>
    <rect x="225" y="160" width="228" height="468" rx="40" fill="${p.dark}"/>
    <rect x="231" y="166" width="216" height="456" rx="35" fill="#12151c"/>
    <clipPath id="phoneScreen"><rect x="241" y="176" width="196" height="436" rx="27"/></clipPath>
    <rect x="241" y="176" width="196" height="436" rx="27" fill="url(#screen)"/>
    <g clip-path="url(#phoneScreen)">
      <circle cx="290" cy="520" r="110" fill="#fff" opacity=".12"/>
      <circle cx="420" cy="260" r="80" fill="${p.lighter}" opacity=".25"/>
      <path d="M241 420 L437 230 L437 176 L380 176 L241 320 Z" fill="#fff" opacity=".08"/>
    </g>
    <rect x="305" y="188" width="68" height="20" rx="10" fill="#0b0d12"/>
    <text x="339" y="300" text-anchor="middle" font-family="${SANS}" font-size="54" font-weight="300" fill="#fff" opacity=".92">09:41</text>
    <g fill="#fff" opacity=".75">
      <rect x="265" y="540" width="36" height="36" rx="10"/><rect x="311" y="540" width="36" height="36" rx="10"/>
      <rect x="357" y="540" width="36" height="36" rx="10"/><rect x="403" y="540" width="20" height="36" rx="8" opacity=".5"/>
    </g>`,
  }),

  powerbank: (p) => ({
    shadow: 200,
    body: `
    <path d="M540 470 C640 470 660 560 600 600 C560 625 470 612 430 612" fill="none" stroke="#f4f5f7" stroke-width="14" stroke-linecap="round"/>
    <path d="M540 470 C640 470 660 560 600 600 C560 625 470 612 430 612" fill="none" stroke="#c9ced6" stroke-width="14" stroke-linecap="round" stroke-dasharray="2 26" opacity=".5"/>
    <rect x="505" y="455" width="44" height="30" rx="8" fill="#d8dce2"/>
    <rect x="250" y="225" width="260" height="400" rx="44" fill="${p.darker}"/>
    <rect x="250" y="215" width="260" height="400" rx="44" fill="url(#mainD)"/>
    <rect x="250" y="215" width="260" height="400" rx="44" fill="url(#sheen)"/>
    <path d="M392 330 L350 420 L385 420 L366 500 L420 400 L383 400 L402 330 Z" fill="${p.onBase}" opacity=".85"/>
    <g fill="${p.accent}"><circle cx="345" cy="560" r="7"/><circle cx="370" cy="560" r="7"/><circle cx="395" cy="560" r="7"/><circle cx="420" cy="560" r="7" opacity=".3"/></g>
    <rect x="356" y="232" width="50" height="10" rx="5" fill="${p.darker}" opacity=".6"/>`,
  }),

  laptop: (p) => ({
    shadow: 300,
    size: 0.92,
    body: `
    <rect x="178" y="190" width="444" height="300" rx="22" fill="${p.dark}"/>
    <rect x="186" y="198" width="428" height="288" rx="16" fill="#11141b"/>
    <clipPath id="laptopScreen"><rect x="200" y="212" width="400" height="262" rx="6"/></clipPath>
    <rect x="200" y="212" width="400" height="262" rx="6" fill="url(#screen)"/>
    <circle cx="520" cy="300" r="120" fill="#fff" opacity=".1" clip-path="url(#laptopScreen)"/>
    <rect x="228" y="242" width="150" height="18" rx="9" fill="#fff" opacity=".7"/>
    <rect x="228" y="274" width="220" height="12" rx="6" fill="#fff" opacity=".4"/>
    <rect x="228" y="300" width="190" height="12" rx="6" fill="#fff" opacity=".4"/>
    <rect x="228" y="344" width="110" height="90" rx="12" fill="#fff" opacity=".22"/>
    <rect x="350" y="344" width="110" height="90" rx="12" fill="#fff" opacity=".22"/>
    <rect x="472" y="344" width="100" height="90" rx="12" fill="#fff" opacity=".22"/>
    <path d="M200 212 L360 212 L200 400 Z" fill="#fff" opacity=".06"/>
    <path d="M130 498 L670 498 L700 540 Q702 552 688 552 L112 552 Q98 552 100 540 Z" fill="url(#mainV)"/>
    <path d="M130 498 L670 498 L676 508 L124 508 Z" fill="${p.lighter}"/>
    <rect x="350" y="498" width="100" height="12" rx="6" fill="${p.dark}" opacity=".5"/>
    <rect x="100" y="546" width="600" height="8" rx="4" fill="${p.darker}" opacity=".5"/>`,
  }),

  mouse: (p) => ({
    shadow: 150,
    body: `
    <path d="M262 470 C262 310 320 250 400 250 C480 250 538 310 538 470 C538 570 480 622 400 622 C320 622 262 570 262 470 Z" fill="url(#mainD)"/>
    <path d="M262 470 C262 310 320 250 400 250 C480 250 538 310 538 470 C538 570 480 622 400 622 C320 622 262 570 262 470 Z" fill="url(#sheen)"/>
    <path d="M400 252 L400 400 M270 400 Q400 420 530 400" stroke="${p.darker}" stroke-width="4" fill="none" opacity=".45"/>
    <rect x="386" y="300" width="28" height="62" rx="14" fill="#1c2029"/>
    <rect x="392" y="310" width="16" height="18" rx="6" fill="${p.accent}"/>
    <path d="M268 500 C290 575 340 610 400 612" fill="none" stroke="${p.accent}" stroke-width="8" stroke-linecap="round" opacity=".8"/>`,
  }),

  headphones: (p) => ({
    shadow: 210,
    body: `
    <path d="M228 470 C212 220 588 220 572 470" fill="none" stroke="${p.darker}" stroke-width="40" stroke-linecap="round"/>
    <path d="M228 470 C212 220 588 220 572 470" fill="none" stroke="url(#mainV)" stroke-width="30" stroke-linecap="round"/>
    <path d="M228 470 C212 220 588 220 572 470" transform="translate(0 -7)" fill="none" stroke="${p.lighter}" stroke-width="6" stroke-linecap="round" stroke-dasharray="0 170 240 1000" opacity=".55"/>
    <rect x="208" y="400" width="40" height="80" rx="16" fill="url(#metalH)"/>
    <rect x="552" y="400" width="40" height="80" rx="16" fill="url(#metalH)"/>
    <ellipse cx="240" cy="510" rx="72" ry="102" fill="${p.darker}"/>
    <ellipse cx="228" cy="510" rx="70" ry="100" fill="url(#mainD)"/>
    <ellipse cx="218" cy="500" rx="38" ry="58" fill="url(#sheen)"/>
    <ellipse cx="560" cy="510" rx="72" ry="102" fill="${p.darker}"/>
    <ellipse cx="572" cy="510" rx="70" ry="100" fill="url(#mainD)"/>
    <ellipse cx="580" cy="500" rx="38" ry="58" fill="url(#sheen)"/>
    <ellipse cx="290" cy="510" rx="22" ry="88" fill="#20242d"/>
    <ellipse cx="510" cy="510" rx="22" ry="88" fill="#20242d"/>
    <circle cx="228" cy="510" r="16" fill="${p.accent}" opacity=".9"/>
    <circle cx="572" cy="510" r="16" fill="${p.accent}" opacity=".9"/>`,
  }),

  earbuds: (p) => {
    const bud = (x: number, flip: number) => `
    <g transform="translate(${x} 520) scale(${flip} 1) rotate(-14)">
      <rect x="-15" y="0" width="30" height="112" rx="15" fill="${p.lighter}"/>
      <rect x="-15" y="0" width="30" height="112" rx="15" fill="url(#mainH)" opacity=".35"/>
      <ellipse cx="0" cy="-6" rx="44" ry="40" fill="${p.lighter}"/>
      <ellipse cx="-10" cy="-14" rx="34" ry="28" fill="url(#sheen)"/>
      <ellipse cx="-30" cy="-6" rx="16" ry="20" fill="#2a2f38"/>
      <rect x="-7" y="100" width="14" height="10" rx="4" fill="#9aa1ac"/>
    </g>`;
    return {
      shadow: 250,
      body: `
    <rect x="290" y="350" width="220" height="280" rx="86" fill="url(#mainD)"/>
    <path d="M290 436 L510 436" stroke="${p.darker}" stroke-width="4" opacity=".6"/>
    <rect x="290" y="350" width="220" height="280" rx="86" fill="url(#sheen)"/>
    <circle cx="400" cy="470" r="7" fill="${p.accent}"/>
    <rect x="385" y="612" width="30" height="8" rx="4" fill="${p.darker}" opacity=".6"/>
    ${bud(218, 1)}
    ${bud(582, -1)}`,
    };
  },

  speaker: (p) => ({
    shadow: 180,
    body: `
    <pattern id="mesh" width="14" height="14" patternUnits="userSpaceOnUse"><circle cx="7" cy="7" r="3.2" fill="${p.darker}" opacity=".55"/></pattern>
    <rect x="258" y="210" width="284" height="416" rx="70" fill="${p.darker}"/>
    <rect x="258" y="200" width="284" height="416" rx="70" fill="url(#mainH)"/>
    <rect x="258" y="200" width="284" height="416" rx="70" fill="url(#mesh)"/>
    <rect x="278" y="200" width="60" height="416" rx="30" fill="#fff" opacity=".12"/>
    <circle cx="400" cy="430" r="96" fill="${p.darker}" opacity=".35"/>
    <circle cx="400" cy="430" r="70" fill="${p.dark}" opacity=".35"/>
    <rect x="330" y="560" width="140" height="30" rx="15" fill="${p.accent}"/>
    <text x="400" y="582" text-anchor="middle" font-family="${SANS}" font-size="18" font-weight="700" fill="#fff" letter-spacing="4">SOUND</text>
    <g fill="${p.lighter}"><circle cx="350" cy="245" r="10"/><circle cx="400" cy="245" r="10"/><circle cx="450" cy="245" r="10"/></g>`,
  }),

  watch: (p) => ({
    shadow: 120,
    body: `
    <path d="M340 150 L460 150 L452 320 L348 320 Z" fill="url(#mainV)"/>
    <path d="M348 480 L452 480 L460 640 L340 640 Z" fill="url(#mainV)"/>
    <g fill="${p.darker}" opacity=".4"><circle cx="400" cy="560" r="6"/><circle cx="400" cy="590" r="6"/><circle cx="400" cy="620" r="6"/></g>
    <rect x="300" y="270" width="200" height="260" rx="58" fill="#2b303b"/>
    <rect x="300" y="270" width="200" height="260" rx="58" fill="url(#metalH)" opacity=".35"/>
    <rect x="314" y="284" width="172" height="232" rx="46" fill="#07080b"/>
    <rect x="500" y="340" width="16" height="44" rx="6" fill="#9aa1ac"/>
    <circle cx="400" cy="380" r="56" fill="none" stroke="#ff4d6d" stroke-width="12" stroke-dasharray="260 400" transform="rotate(-90 400 380)" stroke-linecap="round"/>
    <circle cx="400" cy="380" r="40" fill="none" stroke="#9be15d" stroke-width="12" stroke-dasharray="190 400" transform="rotate(-90 400 380)" stroke-linecap="round"/>
    <circle cx="400" cy="380" r="24" fill="none" stroke="#3ec8f5" stroke-width="12" stroke-dasharray="110 400" transform="rotate(-90 400 380)" stroke-linecap="round"/>
    <text x="400" y="482" text-anchor="middle" font-family="${SANS}" font-size="34" fill="#fff">10:09</text>
    <path d="M318 300 L440 286 L318 430 Z" fill="#fff" opacity=".07"/>`,
  }),

  mug: (p) => ({
    shadow: 190,
    body: `
    <path d="M488 360 C590 350 600 520 488 540" fill="none" stroke="${p.dark}" stroke-width="34" stroke-linecap="round"/>
    <path d="M488 360 C580 354 588 516 488 532" fill="none" stroke="${p.base}" stroke-width="20" stroke-linecap="round"/>
    <path d="M262 300 L262 560 Q262 628 330 628 L440 628 Q508 628 508 560 L508 300 Z" fill="url(#mainH)"/>
    <ellipse cx="385" cy="300" rx="123" ry="28" fill="${p.light}"/>
    <ellipse cx="385" cy="303" rx="108" ry="20" fill="#5a3722"/>
    <ellipse cx="370" cy="300" rx="50" ry="7" fill="#8a5a3a" opacity=".7"/>
    <path d="M300 400 h170 M300 420 h170" stroke="${p.accent}" stroke-width="8" opacity=".8"/>
    <g fill="none" stroke="#fff" stroke-width="10" stroke-linecap="round" opacity=".75">
      <path d="M340 262 C320 230 360 210 340 175"/><path d="M390 255 C370 215 410 195 390 150"/><path d="M440 262 C420 230 460 210 440 180"/>
    </g>`,
  }),

  pan: (p) => ({
    shadow: 270,
    size: 0.92,
    body: `
    <g transform="rotate(-14 560 420)">
      <rect x="520" y="402" width="80" height="26" rx="10" fill="url(#metalH)"/>
      <rect x="585" y="396" width="170" height="38" rx="19" fill="#22262e"/>
      <circle cx="730" cy="415" r="8" fill="${p.lighter}"/>
    </g>
    <ellipse cx="350" cy="480" rx="222" ry="112" fill="${p.darker}"/>
    <path d="M128 450 L128 478 C128 540 228 592 350 592 C472 592 572 540 572 478 L572 450 Z" fill="url(#mainH)"/>
    <ellipse cx="350" cy="450" rx="222" ry="108" fill="${p.light}"/>
    <ellipse cx="350" cy="454" rx="200" ry="94" fill="#2d3139"/>
    <g fill="#8a8f99" opacity=".55">
      <circle cx="280" cy="430" r="3"/><circle cx="330" cy="470" r="2.5"/><circle cx="410" cy="420" r="3"/><circle cx="450" cy="480" r="2.5"/>
      <circle cx="240" cy="480" r="2"/><circle cx="370" cy="500" r="3"/><circle cx="300" cy="395" r="2"/><circle cx="480" cy="440" r="2"/>
      <circle cx="210" cy="440" r="2.5"/><circle cx="390" cy="450" r="2"/><circle cx="350" cy="400" r="2.5"/><circle cx="430" cy="515" r="2"/>
    </g>
    <ellipse cx="300" cy="420" rx="110" ry="38" fill="#fff" opacity=".07"/>`,
  }),

  cezve: (p) => ({
    shadow: 200,
    size: 0.9,
    body: `
    <g transform="rotate(-16 500 392)">
      <rect x="492" y="380" width="96" height="22" rx="6" fill="url(#metalH)"/>
      <rect x="576" y="378" width="196" height="26" rx="13" fill="#5b3a22"/>
      <rect x="576" y="378" width="196" height="9" rx="4" fill="#8b5e3c"/>
      <circle cx="752" cy="391" r="7" fill="#2b1a0e"/>
    </g>
    <path d="M282 322 Q302 350 300 376 L262 574 Q254 630 322 630 L478 630 Q546 630 538 574 L500 376 Q498 350 518 322 Z" fill="url(#mainH)"/>
    <path d="M284 326 Q262 312 240 316 Q262 328 288 346 Z" fill="${p.light}"/>
    <ellipse cx="400" cy="322" rx="118" ry="20" fill="${p.light}"/>
    <ellipse cx="400" cy="325" rx="102" ry="13" fill="#3b2413"/>
    <path d="M290 440 Q400 462 510 440" fill="none" stroke="${p.darker}" stroke-width="6" opacity=".35"/>
    <path d="M282 480 Q400 504 518 480" fill="none" stroke="${p.lighter}" stroke-width="4" opacity=".55"/>
    <g fill="${p.lighter}" opacity=".35">
      <circle cx="330" cy="540" r="6"/><circle cx="370" cy="560" r="5"/><circle cx="420" cy="548" r="6"/><circle cx="465" cy="566" r="5"/>
      <circle cx="350" cy="595" r="5"/><circle cx="445" cy="600" r="6"/><circle cx="395" cy="520" r="5"/><circle cx="490" cy="530" r="5"/>
    </g>
    <path d="M312 390 L282 580" stroke="#fff" stroke-width="12" opacity=".18" stroke-linecap="round"/>
    <g fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" opacity=".7">
      <path d="M375 292 C355 262 395 242 375 207"/><path d="M430 288 C410 254 450 232 430 192"/>
    </g>`,
  }),

  teapot: (p) => ({
    shadow: 220,
    body: `
    <path d="M246 470 C196 468 176 430 186 402" fill="none" stroke="${p.dark}" stroke-width="20" stroke-linecap="round"/>
    <path d="M258 470 L258 580 Q258 628 320 628 L480 628 Q542 628 542 580 L542 470 Q542 420 480 420 L320 420 Q258 420 258 470 Z" fill="url(#mainH)"/>
    <path d="M542 452 C620 452 626 580 542 590" fill="none" stroke="#2b2f38" stroke-width="18" stroke-linecap="round"/>
    <ellipse cx="400" cy="424" rx="140" ry="16" fill="${p.lighter}"/>
    <path d="M312 270 C282 290 290 400 330 418 L470 418 C510 400 518 290 488 270 Z" fill="url(#mainH)"/>
    <path d="M316 320 C270 318 248 290 246 262" fill="none" stroke="${p.base}" stroke-width="16" stroke-linecap="round"/>
    <path d="M488 290 C540 290 545 380 490 392" fill="none" stroke="#2b2f38" stroke-width="14" stroke-linecap="round"/>
    <ellipse cx="400" cy="270" rx="90" ry="14" fill="${p.light}"/>
    <path d="M340 268 Q400 226 460 268 Z" fill="${p.base}"/>
    <circle cx="400" cy="230" r="13" fill="#2b2f38"/>
    <rect x="258" y="420" width="284" height="208" rx="60" fill="url(#sheen)"/>
    <path d="M300 520 h200" stroke="${p.accent}" stroke-width="6" opacity=".6"/>`,
  }),

  lamp: (p) => ({
    shadow: 150,
    body: `
    <radialGradient id="glow" cx=".5" cy=".2" r=".8"><stop offset="0" stop-color="#fff3c4" stop-opacity=".9"/><stop offset="1" stop-color="#fff3c4" stop-opacity="0"/></radialGradient>
    <ellipse cx="400" cy="470" rx="210" ry="170" fill="url(#glow)"/>
    <rect x="390" y="370" width="20" height="222" fill="url(#metalH)"/>
    <path d="M300 600 Q300 582 330 580 L470 580 Q500 582 500 600 L500 612 Q500 628 470 628 L330 628 Q300 628 300 612 Z" fill="url(#mainH)"/>
    <path d="M305 170 L495 170 L560 390 L240 390 Z" fill="url(#mainH)"/>
    <path d="M305 170 L495 170 L500 186 L300 186 Z" fill="${p.lighter}" opacity=".7"/>
    <ellipse cx="400" cy="390" rx="160" ry="16" fill="#fff6d6"/>
    <path d="M330 185 L300 380" stroke="#fff" stroke-width="10" opacity=".18" stroke-linecap="round"/>`,
  }),

  vase: (p) => ({
    shadow: 160,
    size: 0.9,
    body: `
    <g fill="none" stroke="#b08a5a" stroke-width="5" stroke-linecap="round">
      <path d="M390 240 C370 170 330 120 280 90"/><path d="M405 240 C420 160 440 120 470 70"/><path d="M398 240 C395 170 400 120 395 60"/>
    </g>
    <g fill="#e9d3a8" opacity=".95">
      <ellipse cx="280" cy="92" rx="26" ry="12" transform="rotate(-35 280 92)"/><ellipse cx="310" cy="118" rx="22" ry="10" transform="rotate(-40 310 118)"/>
      <ellipse cx="470" cy="72" rx="26" ry="12" transform="rotate(55 470 72)"/><ellipse cx="450" cy="110" rx="22" ry="10" transform="rotate(60 450 110)"/>
      <ellipse cx="395" cy="62" rx="12" ry="28"/><ellipse cx="397" cy="110" rx="10" ry="22"/>
    </g>
    <path d="M358 230 L442 230 L438 282 C530 318 566 392 558 470 C550 570 486 628 400 628 C314 628 250 570 242 470 C234 392 270 318 362 282 Z" fill="url(#mainH)"/>
    <ellipse cx="400" cy="232" rx="44" ry="9" fill="${p.darker}"/>
    <path d="M262 420 Q400 450 538 420" fill="none" stroke="${p.accent}" stroke-width="14" opacity=".85"/>
    <path d="M256 460 Q400 492 544 460" fill="none" stroke="${p.lighter}" stroke-width="5" opacity=".8"/>
    <path d="M300 350 C280 400 280 480 310 540" fill="none" stroke="#fff" stroke-width="14" stroke-linecap="round" opacity=".2"/>`,
  }),

  cushion: (p) => ({
    shadow: 230,
    body: `
    <path d="M210 210 Q400 180 590 210 Q620 410 590 610 Q400 640 210 610 Q180 410 210 210 Z" fill="url(#mainD)"/>
    <path d="M210 210 Q400 180 590 210 Q620 410 590 610 Q400 640 210 610 Q180 410 210 210 Z" fill="url(#sheen)"/>
    <path d="M210 210 Q400 180 590 210 Q620 410 590 610 Q400 640 210 610 Q180 410 210 210 Z" fill="none" stroke="${p.dark}" stroke-width="7"/>
    <g transform="translate(400 410)">
      <path d="M0 -130 L130 0 L0 130 L-130 0 Z" fill="none" stroke="${p.accent}" stroke-width="16"/>
      <path d="M0 -80 L80 0 L0 80 L-80 0 Z" fill="${p.accent}" opacity=".9"/>
      <path d="M0 -40 L40 0 L0 40 L-40 0 Z" fill="${p.lighter}"/>
      <g fill="${p.accentDark}"><path d="M-170 -10 l10 10 l-10 10 l-10 -10 Z"/><path d="M170 -10 l10 10 l-10 10 l-10 -10 Z"/><path d="M-10 -170 l10 -10 l10 10 l-10 10 Z"/><path d="M-10 170 l10 -10 l10 10 l-10 10 Z"/></g>
    </g>
    <g stroke="${p.darker}" stroke-width="3" opacity=".25" fill="none"><path d="M232 232 Q300 300 280 330"/><path d="M568 588 Q500 520 520 490"/></g>`,
  }),

  towels: (p) => {
    const colors = [p.base, p.lighter, p.accent];
    const layers = [0, 1, 2]
      .map((i) => {
        const y = 520 - i * 105;
        const c = colors[i] ?? p.base;
        return `
      <path d="M205 ${y} L580 ${y} Q610 ${y} 610 ${y + 30} L610 ${y + 72} Q610 ${y + 102} 580 ${y + 102} L205 ${y + 102} Q175 ${y + 102} 175 ${y + 72} L175 ${y + 30} Q175 ${y} 205 ${y} Z" fill="${c}"/>
      <path d="M175 ${y + 51} Q175 ${y + 102} 205 ${y + 102} L580 ${y + 102} Q610 ${y + 102} 610 ${y + 72}" fill="none" stroke="${darken(c, 0.2)}" stroke-width="6" opacity=".6"/>
      <rect x="470" y="${y}" width="16" height="102" fill="${darken(c, 0.18)}" opacity=".55"/><rect x="496" y="${y}" width="8" height="102" fill="${darken(c, 0.18)}" opacity=".55"/>
      <path d="M205 ${y + 14} L560 ${y + 14}" stroke="#fff" stroke-width="6" opacity=".35" stroke-linecap="round"/>`;
      })
      .join("");
    return { shadow: 240, body: layers };
  },

  tshirt: (p) => ({
    shadow: 210,
    body: `
    <path d="M305 190 L352 172 C372 210 428 210 448 172 L495 190 L612 262 L566 350 L512 322 L512 622 L288 622 L288 322 L234 350 L188 262 Z" fill="url(#mainD)"/>
    <path d="M352 172 C372 210 428 210 448 172" fill="none" stroke="${p.dark}" stroke-width="12"/>
    <path d="M288 322 L300 420 M512 322 L500 420" stroke="${p.darker}" stroke-width="4" opacity=".3"/>
    <path d="M330 470 Q360 520 340 600 M470 480 Q440 540 460 600" stroke="${p.darker}" stroke-width="5" fill="none" opacity=".18"/>
    <circle cx="400" cy="330" r="40" fill="${p.accent}" opacity=".9"/>
    <path d="M382 330 L398 346 L422 316" fill="none" stroke="${p.lighter}" stroke-width="8" stroke-linecap="round" stroke-linejoin="round"/>`,
  }),

  shirt: (p) => ({
    shadow: 210,
    body: `
    <path d="M305 180 L360 166 L400 200 L440 166 L495 180 L612 262 L580 520 L532 510 L512 360 L512 622 L288 622 L288 360 L268 510 L220 520 L188 262 Z" fill="url(#mainD)"/>
    <path d="M360 166 L400 200 L372 250 L340 196 Z" fill="${p.lighter}"/>
    <path d="M440 166 L400 200 L428 250 L460 196 Z" fill="${p.lighter}"/>
    <path d="M400 200 L400 622" stroke="${p.dark}" stroke-width="4"/>
    <g fill="${p.lighter}"><circle cx="412" cy="280" r="6"/><circle cx="412" cy="350" r="6"/><circle cx="412" cy="420" r="6"/><circle cx="412" cy="490" r="6"/><circle cx="412" cy="560" r="6"/></g>
    <rect x="440" y="300" width="50" height="56" rx="4" fill="none" stroke="${p.dark}" stroke-width="4"/>
    <rect x="222" y="496" width="50" height="26" rx="4" fill="${p.dark}" transform="rotate(6 247 509)"/>
    <rect x="528" y="496" width="50" height="26" rx="4" fill="${p.dark}" transform="rotate(-6 553 509)"/>`,
  }),

  dress: (p) => ({
    shadow: 200,
    size: 0.97,
    body: `
    <path d="M400 96 C380 96 380 120 400 128 L400 150" fill="none" stroke="#9aa1ac" stroke-width="8" stroke-linecap="round"/>
    <path d="M260 200 L400 146 L540 200" fill="none" stroke="#b8885a" stroke-width="12" stroke-linecap="round" stroke-linejoin="round"/>
    <path d="M342 180 L362 180 L372 270 L428 270 L438 180 L458 180 L472 290 C478 320 472 345 464 360 L592 610 C500 640 300 640 208 610 L336 360 C328 345 322 320 328 290 Z" fill="url(#mainD)"/>
    <path d="M336 360 L464 360 L468 392 L332 392 Z" fill="${p.accent}"/>
    <path d="M330 410 L260 600 M370 410 L340 630 M430 410 L460 630 M470 410 L540 600" stroke="${p.darker}" stroke-width="4" opacity=".22"/>
    <path d="M372 270 Q400 300 428 270" fill="none" stroke="${p.dark}" stroke-width="5"/>
    <path d="M208 610 C300 640 500 640 592 610" fill="none" stroke="${p.lighter}" stroke-width="6" opacity=".7"/>`,
  }),

  bag: (p) => ({
    shadow: 230,
    body: `
    <path d="M300 330 C300 170 500 170 500 330" fill="none" stroke="${p.darker}" stroke-width="24" stroke-linecap="round"/>
    <path d="M300 330 C300 180 500 180 500 330" fill="none" stroke="${p.dark}" stroke-width="14" stroke-linecap="round"/>
    <path d="M220 320 L580 320 L618 596 Q622 628 588 628 L212 628 Q178 628 182 596 Z" fill="url(#mainD)"/>
    <path d="M220 320 L580 320 L588 380 Q400 420 212 380 Z" fill="${p.dark}"/>
    <path d="M228 336 L572 336" stroke="${p.lighter}" stroke-width="3" stroke-dasharray="10 8" opacity=".7"/>
    <path d="M206 600 L594 600" stroke="${p.lighter}" stroke-width="3" stroke-dasharray="10 8" opacity=".5"/>
    <rect x="370" y="385" width="60" height="46" rx="10" fill="#d9b45a"/>
    <rect x="385" y="398" width="30" height="20" rx="5" fill="#b28a34"/>
    <rect x="296" y="318" width="16" height="30" rx="4" fill="#d9b45a"/><rect x="488" y="318" width="16" height="30" rx="4" fill="#d9b45a"/>
    <path d="M250 450 C260 540 280 580 320 600" fill="none" stroke="#fff" stroke-width="14" opacity=".14" stroke-linecap="round"/>`,
  }),

  sneaker: (p) => ({
    shadow: 290,
    size: 0.92,
    body: `
    <path d="M160 588 C142 540 144 470 170 430 C182 412 202 408 218 418 Q272 452 330 432 L350 388 Q366 370 388 380 L404 390 C466 420 530 452 600 484 C652 506 684 540 684 588 Z" fill="url(#mainD)"/>
    <path d="M218 418 Q272 452 330 432 Q276 424 218 418 Z" fill="#2a2f38"/>
    <path d="M160 588 C142 540 144 470 170 430 C196 470 214 530 222 588 Z" fill="${p.dark}" opacity=".55"/>
    <path d="M590 480 C646 500 684 536 684 588 L604 588 C604 548 600 512 590 480 Z" fill="${p.light}" opacity=".6"/>
    <path d="M236 548 C320 500 420 466 520 452 L528 474 C432 494 340 528 262 574 Z" fill="${p.accent}"/>
    <path d="M150 588 L680 588 L684 566 C500 574 320 572 152 560 Z" fill="${p.darker}" opacity=".25"/>
    <g stroke="${p.lighter}" stroke-width="9" stroke-linecap="round">
      <path d="M384 392 L400 418"/><path d="M416 404 L430 432"/><path d="M448 418 L460 446"/><path d="M480 432 L490 458"/>
    </g>
    <path d="M352 394 C346 420 334 430 322 438" stroke="#fff" stroke-width="8" opacity=".25" stroke-linecap="round" fill="none"/>
    <path d="M140 588 L688 588 Q694 588 692 600 L688 612 Q684 630 660 630 L166 630 Q142 630 140 610 Z" fill="#f7f6f2"/>
    <path d="M144 606 L690 606" stroke="#dcdbd3" stroke-width="4"/>
    <path d="M150 622 L680 622" stroke="${p.accent}" stroke-width="6" opacity=".8"/>`,
  }),

  book: (p, spec) => {
    const lines = spec.label ? wrapWords(spec.label, 13, 4) : [];
    const fontSize = lines.some((l) => l.length > 11) ? 32 : 38;
    // Without a title (shared pictures of generated books) the cover shows abstract title bars.
    const text =
      lines.length > 0
        ? lines
            .map(
              (l, i) =>
                `<text x="408" y="${265 + i * (fontSize + 10)}" text-anchor="middle" font-family="${SERIF}" font-size="${fontSize}" font-weight="700" fill="${p.onBase}">${escapeXml(l)}</text>`,
            )
            .join("")
        : `<g fill="${p.onBase}"><rect x="318" y="236" width="180" height="24" rx="6"/><rect x="338" y="276" width="140" height="24" rx="6"/><rect x="368" y="330" width="80" height="10" rx="5" opacity=".6"/></g>`;
    return {
      shadow: 210,
      body: `
    <path d="M262 170 L592 170 L592 628 L262 628 Z" fill="#f3efe4"/>
    <path d="M582 182 L604 182 L604 620 L582 628 Z" fill="#e2dccb"/>
    <g stroke="#cfc7b2" stroke-width="2"><path d="M588 200 V610"/><path d="M596 210 V606"/></g>
    <rect x="236" y="162" width="346" height="466" rx="6" fill="url(#mainD)"/>
    <rect x="236" y="162" width="30" height="466" fill="${p.darker}" opacity=".55"/>
    <rect x="266" y="162" width="6" height="466" fill="#fff" opacity=".18"/>
    <rect x="296" y="196" width="250" height="398" fill="none" stroke="${p.onBase}" stroke-opacity=".35" stroke-width="3"/>
    ${text}
    <circle cx="421" cy="490" r="56" fill="${p.accent}" opacity=".9"/>
    <path d="M346 548 L400 484 L432 520 L460 490 L500 548 Z" fill="${p.accentDark}" opacity=".9"/>
    <path d="M360 572 L456 572" stroke="${p.onBase}" stroke-width="3" stroke-opacity=".6"/>`,
    };
  },

  dumbbell: (p) => ({
    shadow: 280,
    size: 0.92,
    body: `
    <rect x="200" y="414" width="400" height="34" rx="10" fill="url(#metalH)"/>
    <g fill="#5d636e"><rect x="318" y="410" width="6" height="42"/><rect x="334" y="410" width="6" height="42"/><rect x="460" y="410" width="6" height="42"/><rect x="476" y="410" width="6" height="42"/></g>
    <rect x="136" y="316" width="64" height="230" rx="20" fill="${p.darker}"/>
    <rect x="144" y="312" width="58" height="230" rx="18" fill="url(#mainV)"/>
    <rect x="206" y="348" width="46" height="166" rx="14" fill="url(#mainV)"/>
    <rect x="548" y="348" width="46" height="166" rx="14" fill="url(#mainV)"/>
    <rect x="600" y="316" width="64" height="230" rx="20" fill="${p.darker}"/>
    <rect x="598" y="312" width="58" height="230" rx="18" fill="url(#mainV)"/>
    <rect x="120" y="404" width="24" height="54" rx="8" fill="url(#metalH)"/><rect x="656" y="404" width="24" height="54" rx="8" fill="url(#metalH)"/>
    <rect x="152" y="330" width="12" height="190" rx="6" fill="#fff" opacity=".25"/><rect x="606" y="330" width="12" height="190" rx="6" fill="#fff" opacity=".25"/>
    <text x="173" y="440" text-anchor="middle" font-family="${SANS}" font-size="26" font-weight="700" fill="${p.onBase}" transform="rotate(-90 173 432)">10 KG</text>
    <text x="627" y="440" text-anchor="middle" font-family="${SANS}" font-size="26" font-weight="700" fill="${p.onBase}" transform="rotate(-90 627 432)">10 KG</text>`,
  }),

  mat: (p) => ({
    shadow: 280,
    size: 0.92,
    body: `
    <path d="M150 600 L560 600 L620 560 L210 560 Z" fill="${p.light}"/>
    <path d="M150 600 L560 600 L560 612 L150 612 Z" fill="${p.dark}"/>
    <path d="M230 566 L590 566" stroke="${p.lighter}" stroke-width="3" opacity=".6"/>
    <rect x="210" y="390" width="380" height="172" fill="url(#mainV)"/>
    <rect x="210" y="410" width="380" height="20" fill="#fff" opacity=".18"/>
    <ellipse cx="590" cy="476" rx="50" ry="86" fill="${p.dark}"/>
    <g fill="none" stroke="${p.light}" stroke-width="6"><ellipse cx="590" cy="478" rx="36" ry="68"/><ellipse cx="592" cy="480" rx="22" ry="46"/><ellipse cx="594" cy="482" rx="9" ry="22"/></g>
    <path d="M300 388 C290 440 290 520 300 564" stroke="${p.accent}" stroke-width="18" fill="none"/>
    <path d="M480 388 C470 440 470 520 480 564" stroke="${p.accent}" stroke-width="18" fill="none"/>`,
  }),

  bottle: (p) => ({
    shadow: 140,
    size: 0.95,
    body: `
    <path d="M400 150 C446 150 462 140 470 120 C480 100 460 88 440 96" fill="none" stroke="#2b2f38" stroke-width="12" stroke-linecap="round"/>
    <rect x="344" y="130" width="112" height="80" rx="22" fill="#2b2f38"/>
    <rect x="352" y="138" width="16" height="64" rx="8" fill="#fff" opacity=".15"/>
    <path d="M340 208 L460 208 L470 250 Q510 270 510 320 L510 580 Q510 628 460 628 L340 628 Q290 628 290 580 L290 320 Q290 270 330 250 Z" fill="url(#mainH)"/>
    <rect x="290" y="380" width="220" height="110" fill="${p.accent}" opacity=".9"/>
    <circle cx="400" cy="435" r="30" fill="${p.lighter}"/>
    <path d="M388 420 L412 435 L388 450 Z" fill="${p.accent}"/>
    <rect x="312" y="280" width="22" height="320" rx="11" fill="#fff" opacity=".22"/>`,
  }),

  tent: (p) => ({
    shadow: 300,
    size: 0.92,
    body: `
    <g stroke="#8c7a64" stroke-width="3"><path d="M400 200 L110 620"/><path d="M400 200 L690 620"/></g>
    <path d="M400 200 L640 620 L160 620 Z" fill="url(#mainD)"/>
    <path d="M400 200 L560 620 L640 620 Z" fill="${p.dark}"/>
    <path d="M400 300 L480 620 L320 620 Z" fill="#2a2f38"/>
    <path d="M400 300 L320 620 L360 620 L400 420 Z" fill="${p.light}"/>
    <path d="M400 300 L480 620 L446 620 Z" fill="${p.light}" opacity=".6"/>
    <path d="M400 200 L400 300" stroke="${p.darker}" stroke-width="5"/>
    <circle cx="400" cy="196" r="8" fill="${p.accent}"/>
    <path d="M160 620 L640 620" stroke="${p.darker}" stroke-width="6" stroke-linecap="round"/>
    <g fill="#7fae6b"><path d="M120 622 l8 -24 l6 24 Z"/><path d="M660 622 l6 -20 l8 20 Z"/><path d="M690 622 l4 -14 l6 14 Z"/></g>`,
  }),

  backpack: (p) => ({
    shadow: 200,
    body: `
    <path d="M360 208 C360 160 440 160 440 208" fill="none" stroke="${p.darker}" stroke-width="16" stroke-linecap="round"/>
    <rect x="236" y="330" width="40" height="230" rx="18" fill="${p.darker}"/>
    <rect x="524" y="330" width="40" height="230" rx="18" fill="${p.darker}"/>
    <path d="M270 300 Q270 200 400 200 Q530 200 530 300 L530 590 Q530 628 492 628 L308 628 Q270 628 270 590 Z" fill="url(#mainD)"/>
    <path d="M290 300 Q300 222 400 222 Q500 222 510 300" fill="none" stroke="${p.darker}" stroke-width="5" stroke-dasharray="14 8"/>
    <rect x="305" y="420" width="190" height="170" rx="34" fill="${p.dark}"/>
    <rect x="305" y="420" width="190" height="170" rx="34" fill="url(#sheen)"/>
    <path d="M325 450 L475 450" stroke="${p.darker}" stroke-width="5"/>
    <rect x="454" y="440" width="12" height="34" rx="4" fill="${p.accent}"/>
    <rect x="370" y="300" width="60" height="16" rx="8" fill="${p.accent}"/>
    <path d="M288 320 C290 400 292 500 300 560" fill="none" stroke="#fff" stroke-width="12" opacity=".16" stroke-linecap="round"/>`,
  }),

  bicycle: (_p) => ({
    shadow: 300,
    size: 0.92,
    body: `
    <g fill="none" stroke="#22262e" stroke-width="16"><circle cx="220" cy="500" r="112"/><circle cx="580" cy="500" r="112"/></g>
    <g fill="none" stroke="#9aa1ac" stroke-width="2" opacity=".9">
      <path d="M220 392 V608 M112 500 H328 M144 424 L296 576 M296 424 L144 576"/>
      <path d="M580 392 V608 M472 500 H688 M504 424 L656 576 M656 424 L504 576"/>
    </g>
    <g fill="none" stroke="url(#mainV)" stroke-width="18" stroke-linecap="round" stroke-linejoin="round">
      <path d="M220 500 L370 500 L500 330 L320 330 Z"/>
      <path d="M370 500 L300 270"/>
      <path d="M580 500 L490 290"/>
    </g>
    <path d="M462 270 L520 262 Q548 260 552 286" fill="none" stroke="#22262e" stroke-width="12" stroke-linecap="round"/>
    <path d="M260 262 L340 262 Q352 262 346 276 L262 282 Q248 280 260 262 Z" fill="#22262e"/>
    <circle cx="370" cy="500" r="30" fill="none" stroke="#5d636e" stroke-width="8"/>
    <path d="M370 500 L220 500" stroke="#5d636e" stroke-width="4"/>
    <circle cx="220" cy="500" r="10" fill="#5d636e"/><circle cx="580" cy="500" r="10" fill="#5d636e"/>`,
  }),

  helmet: (p) => ({
    shadow: 230,
    body: `
    <path d="M180 520 C170 360 280 250 420 250 C560 250 640 350 630 470 L600 520 Z" fill="url(#mainD)"/>
    <g fill="#242832">
      <path d="M300 300 Q330 280 370 276 L380 330 Q340 334 318 350 Z"/>
      <path d="M420 272 Q470 272 510 292 L486 342 Q456 330 426 330 Z"/>
      <path d="M540 312 Q580 340 598 380 L548 394 Q536 370 514 354 Z"/>
      <path d="M240 370 Q256 340 280 322 L300 370 Q284 384 276 400 Z"/>
    </g>
    <path d="M180 520 L600 520 L590 548 L200 548 Z" fill="#242832"/>
    <path d="M210 452 C260 410 420 400 620 440" fill="none" stroke="${p.accent}" stroke-width="12"/>
    <path d="M230 380 C270 300 360 270 420 270" fill="none" stroke="#fff" stroke-width="12" opacity=".25" stroke-linecap="round"/>
    <path d="M300 548 C300 600 340 620 380 622" fill="none" stroke="#242832" stroke-width="8"/>`,
  }),

  jar: (p, spec) => {
    const label = escapeXml((spec.label ?? "Doğal").toLocaleUpperCase("tr-TR").slice(0, 10));
    return {
      shadow: 190,
      body: `
    <rect x="284" y="232" width="232" height="70" rx="14" fill="${p.accent}"/>
    <g stroke="${p.accentDark}" stroke-width="4" opacity=".6"><path d="M300 240 V294"/><path d="M330 240 V294"/><path d="M360 240 V294"/><path d="M390 240 V294"/><path d="M420 240 V294"/><path d="M450 240 V294"/><path d="M480 240 V294"/></g>
    <path d="M290 300 L510 300 Q540 310 540 350 L540 580 Q540 628 492 628 L308 628 Q260 628 260 580 L260 350 Q260 310 290 300 Z" fill="url(#mainH)" opacity=".95"/>
    <rect x="282" y="330" width="24" height="260" rx="12" fill="#fff" opacity=".32"/>
    <rect x="300" y="400" width="200" height="140" rx="16" fill="#fbf7ee"/>
    <rect x="310" y="410" width="180" height="120" rx="10" fill="none" stroke="${p.accent}" stroke-width="3"/>
    <text x="400" y="482" text-anchor="middle" font-family="${SERIF}" font-size="${label.length > 8 ? 22 : label.length > 6 ? 26 : 32}" font-weight="700" fill="${p.accentDark}">${label}</text>
    <path d="M350 502 Q400 516 450 502" fill="none" stroke="${p.accent}" stroke-width="3"/>`,
    };
  },

  coffee: (p, spec) => {
    const label = spec.label ? escapeXml(spec.label.toLocaleUpperCase("tr-TR").slice(0, 12)) : "";
    // A labelled pouch (tea) gets its name on the label and leaves around it; coffee gets a bean and beans.
    const badge = label
      ? `<text x="400" y="468" text-anchor="middle" font-family="${SERIF}" font-size="${label.length > 8 ? 24 : 30}" font-weight="700" fill="${p.accentDark}">${label}</text>`
      : `<ellipse cx="400" cy="448" rx="34" ry="24" fill="#6b3f22" transform="rotate(-20 400 448)"/>
    <path d="M376 458 Q400 440 424 440" fill="none" stroke="#fbf5e8" stroke-width="4"/>`;
    const scatter = label
      ? `<g fill="#4f8a3a"><path d="M190 620 q20 -40 50 -20 q-20 30 -50 20 Z"/><path d="M600 622 q30 -34 56 -6 q-28 22 -56 6 Z"/><path d="M640 600 q10 -30 36 -24 q-10 26 -36 24 Z"/></g>`
      : `<g fill="#5b3417">
      <ellipse cx="210" cy="612" rx="22" ry="15" transform="rotate(-20 210 612)"/><ellipse cx="600" cy="616" rx="22" ry="15" transform="rotate(25 600 616)"/>
      <ellipse cx="640" cy="600" rx="20" ry="14" transform="rotate(-40 640 600)"/><ellipse cx="170" cy="618" rx="18" ry="13" transform="rotate(30 170 618)"/>
    </g>
    <g stroke="#2d1a0b" stroke-width="3"><path d="M198 618 Q210 610 222 606"/><path d="M588 610 Q600 616 612 622"/></g>`;
    return {
      shadow: 230,
      body: `
    <path d="M270 230 L530 230 L552 616 Q400 636 248 616 Z" fill="url(#mainD)"/>
    <path d="M270 230 L530 230 L534 290 L266 290 Z" fill="${p.dark}"/>
    <g stroke="${p.darker}" stroke-width="3" opacity=".6"><path d="M272 246 H528"/><path d="M271 262 H529"/></g>
    <circle cx="470" cy="330" r="14" fill="${p.darker}"/><circle cx="470" cy="330" r="6" fill="${p.lighter}"/>
    <rect x="300" y="390" width="200" height="150" rx="12" fill="#fbf5e8"/>
    ${badge}
    <path d="M330 505 H470" stroke="${p.accent}" stroke-width="6"/>
    <path d="M290 310 L282 600" stroke="#fff" stroke-width="14" opacity=".16" stroke-linecap="round"/>
    ${scatter}`,
    };
  },
};

// ---------------------------------------------------------------------------------------------
// composition

const LAYOUTS = [
  { angle: [0, 0, 1, 1], scale: 1.1, rotate: 0, dx: 0, dy: 0, backdrop: "circle", podium: false },
  { angle: [1, 0, 0, 1], scale: 1, rotate: -7, dx: 12, dy: 10, backdrop: "arch", podium: false },
  { angle: [0, 1, 1, 0], scale: 0.84, rotate: 0, dx: 0, dy: -6, backdrop: "none", podium: true },
] as const;

/** The SVG source of one product picture (800×800). */
export function productSvg(spec: ImageSpec): string {
  const theme = THEMES[spec.theme];
  const p = palette(spec.color, spec.accent);
  const drawing = drawers[spec.kind](p, spec);
  const layout = LAYOUTS[(spec.layout ?? 0) % LAYOUTS.length] ?? LAYOUTS[0];
  const [x1, y1, x2, y2] = layout.angle;
  const floorY = 632;
  // Scale around the point where the object meets the floor so it stays grounded.
  const podiumTop = 600;
  const groundY = layout.podium ? podiumTop : floorY;
  const scale = layout.scale * (drawing.size ?? 1);
  const transform = `translate(${400 + layout.dx} ${groundY + layout.dy}) scale(${scale}) rotate(${layout.rotate} 0 ${-floorY / 2 + 80}) translate(-400 ${-floorY})`;
  const shadowRx = drawing.shadow * scale;
  const brand = spec.brand
    ? `<text x="56" y="86" font-family="${SANS}" font-size="24" font-weight="700" letter-spacing="5" fill="${theme.ink}" fill-opacity=".62">${escapeXml(spec.brand.toLocaleUpperCase("tr-TR"))}</text>`
    : "";
  const backdrop =
    layout.backdrop === "circle"
      ? `<circle cx="400" cy="390" r="300" fill="url(#halo)"/>`
      : layout.backdrop === "arch"
        ? `<path d="M170 700 L170 330 A230 230 0 0 1 630 330 L630 700 Z" fill="${theme.glow}" fill-opacity=".55"/>`
        : "";
  const podium = layout.podium
    ? `<path d="M150 600 L150 720 A250 46 0 0 0 650 720 L650 600 Z" fill="${mix(theme.to, "#ffffff", 0.25)}"/>
       <path d="M150 600 L150 720 A250 46 0 0 0 650 720 L650 600 Z" fill="url(#podiumShade)"/>
       <ellipse cx="400" cy="600" rx="250" ry="46" fill="${mix(theme.from, "#ffffff", 0.55)}"/>`
    : `<rect x="0" y="${floorY + 20}" width="800" height="${800 - floorY - 20}" fill="${theme.to}" opacity=".35"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${MASTER_SIZE}" height="${MASTER_SIZE}" viewBox="0 0 800 800">
  <defs>
    <linearGradient id="bg" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"><stop offset="0" stop-color="${theme.from}"/><stop offset="1" stop-color="${theme.to}"/></linearGradient>
    <radialGradient id="halo" cx=".5" cy=".5" r=".5"><stop offset="0" stop-color="${theme.glow}" stop-opacity=".95"/><stop offset=".7" stop-color="${theme.glow}" stop-opacity=".45"/><stop offset="1" stop-color="${theme.glow}" stop-opacity="0"/></radialGradient>
    <linearGradient id="podiumShade" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity=".1"/><stop offset=".35" stop-color="#fff" stop-opacity=".25"/><stop offset="1" stop-color="#000" stop-opacity=".16"/></linearGradient>
    <radialGradient id="shadow" cx=".5" cy=".5" r=".5"><stop offset="0" stop-color="#1d2433" stop-opacity=".34"/><stop offset=".55" stop-color="#1d2433" stop-opacity=".16"/><stop offset="1" stop-color="#1d2433" stop-opacity="0"/></radialGradient>
    ${paletteDefs(p)}
  </defs>
  <rect width="800" height="800" fill="url(#bg)"/>
  ${backdrop}
  ${podium}
  <ellipse cx="${400 + layout.dx}" cy="${groundY + layout.dy + 4}" rx="${shadowRx + 40}" ry="${34 * scale}" fill="url(#shadow)"/>
  <ellipse cx="${400 + layout.dx}" cy="${groundY + layout.dy + 1}" rx="${shadowRx * 0.8}" ry="${12 * scale}" fill="url(#shadow)"/>
  <g transform="${transform}">${drawing.body}</g>
  ${brand}
</svg>`;
}

/** Rasterises once at 800 px and encodes every requested size and format from those pixels. */
export async function renderImage(svg: string, options: RenderOptions = {}): Promise<RenderedImage[]> {
  const widths = options.widths ?? [MASTER_SIZE, 400];
  const avifWidths = options.avifWidths ?? [];
  const quality = options.webpQuality ?? 82;
  const master = await sharp(Buffer.from(svg)).resize(MASTER_SIZE, MASTER_SIZE).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: master.info.width, height: master.info.height, channels: master.info.channels } } as const;
  const encode = async (format: "webp" | "avif", width: number): Promise<RenderedImage> => {
    let pipeline = sharp(master.data, raw);
    if (width !== master.info.width) pipeline = pipeline.resize(width, width, { kernel: "lanczos3" });
    // effort 2 / 0: a few percent larger files than the defaults for a third of the CPU time.
    pipeline = format === "webp" ? pipeline.webp({ quality, effort: 2 }) : pipeline.avif({ quality: 55, effort: 0 });
    return { format, width, height: width, data: await pipeline.toBuffer() };
  };
  return Promise.all([...widths.map((w) => encode("webp", w)), ...avifWidths.map((w) => encode("avif", w))]);
}

/** Bump when the encoder settings in `renderImage` change, so cached files are not reused. */
const ENCODER_VERSION = "webp-e2.avif-q55-e0.v1";

/**
 * Where rendered demo pictures are kept between runs (they are deterministic): a folder private to
 * the current user in the OS temp folder. Pass `false` to disable.
 */
export const DEFAULT_RENDER_CACHE = path.join(os.tmpdir(), `kervan-demo-images-${process.getuid?.() ?? "user"}`);

const usableCaches = new Map<string, Promise<boolean>>();
/**
 * The cache is only trusted when the folder belongs to this user and nobody else can write to it
 * (in a shared temp folder another user could otherwise plant pictures).
 */
function cacheUsable(dir: string): Promise<boolean> {
  let usable = usableCaches.get(dir);
  if (!usable) {
    usable = (async () => {
      try {
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const info = await stat(dir);
        const uid = process.getuid?.();
        return info.isDirectory() && (uid === undefined || info.uid === uid) && (info.mode & 0o022) === 0;
      } catch {
        return false;
      }
    })();
    usableCaches.set(dir, usable);
  }
  return usable;
}

/**
 * `renderImage` with a content-addressed disk cache: the same SVG and options always give the same
 * bytes, so re-seeding (tests, `npm run seed` after a reset) skips sharp entirely.
 */
export async function renderImageCached(
  svg: string,
  options: RenderOptions = {},
  cacheDir: string | false = DEFAULT_RENDER_CACHE,
): Promise<RenderedImage[]> {
  if (!cacheDir || !(await cacheUsable(cacheDir))) return renderImage(svg, options);
  const wanted = [
    ...(options.widths ?? [MASTER_SIZE, 400]).map((width) => ({ format: "webp" as const, width })),
    ...(options.avifWidths ?? []).map((width) => ({ format: "avif" as const, width })),
  ];
  const hash = createHash("sha256")
    .update(`${ENCODER_VERSION}|${sharp.versions.vips}|${options.webpQuality ?? 82}|${svg}`)
    .digest("hex")
    .slice(0, 32);
  const file = (format: string, width: number) => path.join(cacheDir, hash.slice(0, 2), `${hash}-${width}.${format}`);
  try {
    return await Promise.all(
      wanted.map(async ({ format, width }) => ({ format, width, height: width, data: await readFile(file(format, width)) })),
    );
  } catch {
    // not cached yet (or partly): render and write every file atomically
  }
  const rendered = await renderImage(svg, options);
  try {
    await mkdir(path.join(cacheDir, hash.slice(0, 2)), { recursive: true, mode: 0o700 });
    await Promise.all(
      rendered.map(async (r) => {
        const target = file(r.format, r.width);
        const tmp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        await writeFile(tmp, r.data, { mode: 0o600 });
        await rename(tmp, target);
      }),
    );
  } catch {
    // a read-only or full temp folder only costs speed
  }
  return rendered;
}

const CONTENT_TYPES = { webp: "image/webp", avif: "image/avif" } as const;
export const IMMUTABLE_CACHE = "public, max-age=31536000, immutable";

/**
 * Renders `spec` and stores every variant under `${keyPrefix}-${width}.${ext}`
 * (e.g. `tenants/<t>/products/<p>/1-800.webp`). Returns the variants for `product_images.variants`:
 * WebP before AVIF, largest first.
 */
export async function storeRenderedImage(
  storage: Storage,
  keyPrefix: string,
  spec: ImageSpec,
  options: RenderOptions & { cacheDir?: string | false } = {},
): Promise<ImageVariant[]> {
  const rendered = await renderImageCached(productSvg(spec), options, options.cacheDir ?? DEFAULT_RENDER_CACHE);
  const settled = await Promise.allSettled(
    rendered.map(async (r): Promise<ImageVariant> => {
      const key = `${keyPrefix}-${r.width}.${r.format}`;
      await storage.put(key, r.data, { contentType: CONTENT_TYPES[r.format], cacheControl: IMMUTABLE_CACHE });
      return { key, format: r.format, width: r.width, height: r.height, bytes: r.data.length };
    }),
  );
  const variants: ImageVariant[] = [];
  for (const s of settled) {
    if (s.status === "rejected") throw s.reason;
    variants.push(s.value);
  }
  return variants.sort((a, b) => (a.format === b.format ? b.width - a.width : a.format === "webp" ? -1 : 1));
}

/**
 * Runs `fn` over `items` with at most `limit` in flight; results keep the input order. After a
 * failure no new item starts, and the promise rejects only once the running ones have settled,
 * so callers can clean up knowing nothing is still writing.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (rejected) throw rejected.reason;
  return results;
}

/** How many pictures to render at once: sharp work runs on libuv's pool (4 threads by default). */
export function renderConcurrency(): number {
  return Math.max(2, Math.min(8, availableParallelism() * 2));
}
