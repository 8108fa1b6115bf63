import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type ConfigError, ffprobeBeside, loadConfig } from "../../platform/config.ts";
import { formatMegabytes } from "./errors.ts";
import { centredCrop, cropProblem, renditionWidths } from "./images.ts";
import { cleanFilename } from "./upload.ts";
import { ladderFor } from "./video.ts";

const product = { name: "product", ratioWidth: 1, ratioHeight: 1 };
const banner = { name: "home-banner", ratioWidth: 3, ratioHeight: 1 };
const gallery = { name: "gallery", ratioWidth: 4, ratioHeight: 5 };

describe("media settings", () => {
  const load = (env: Record<string, string>) => loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), "kervan-media-config-")), ...env });

  it("has the documented defaults", () => {
    expect(load({}).media).toEqual({
      maxImages: 5,
      maxVideos: 1,
      maxImageBytes: 20 * 1024 * 1024,
      maxVideoBytes: 200 * 1024 * 1024,
      maxVideoSeconds: 180,
      quotaBytes: 2048 * 1024 * 1024,
      presets: [product, gallery, banner, { name: "category-banner", ratioWidth: 4, ratioHeight: 1 }],
      widths: [400, 800, 1200],
      ffmpegPath: "ffmpeg",
      ffprobePath: "ffprobe",
    });
  });

  it("reads presets, widths and the ffmpeg binaries", () => {
    const media = load({
      MEDIA_CROP_PRESETS: "product=1:1, wide=16:9",
      MEDIA_IMAGE_WIDTHS: "1200,320,320",
      FFMPEG_PATH: "/opt/ff/bin/ffmpeg",
      MEDIA_MAX_IMAGE_MB: "0.5",
    }).media;
    expect(media.presets).toEqual([product, { name: "wide", ratioWidth: 16, ratioHeight: 9 }]);
    expect(media.widths).toEqual([320, 1200]);
    expect(media.ffprobePath).toBe("/opt/ff/bin/ffprobe");
    expect(media.maxImageBytes).toBe(512 * 1024);
    expect(load({ FFMPEG_PATH: "/x/ffmpeg", FFPROBE_PATH: "/y/probe" }).media.ffprobePath).toBe("/y/probe");
    expect(ffprobeBeside("ffmpeg.exe")).toBe("ffprobe.exe");
  });

  it("names each bad media setting", () => {
    let error: ConfigError | undefined;
    try {
      load({ MEDIA_CROP_PRESETS: "gallery=4:5", MEDIA_IMAGE_WIDTHS: "400,wide", MEDIA_QUOTA_MB: "-1" });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^MEDIA_CROP_PRESETS: expected a "product" preset/),
        expect.stringMatching(/^MEDIA_IMAGE_WIDTHS: expected comma-separated whole pixel widths/),
        expect.stringMatching(/^MEDIA_QUOTA_MB: expected a number of megabytes above 0/),
      ]),
    );
    expect(() => load({ MEDIA_CROP_PRESETS: "product=1:1,banner=3" })).toThrow(
      /MEDIA_CROP_PRESETS: expected name=W:H items like product=1:1, got "banner=3"/,
    );
    expect(() => load({ MEDIA_CROP_PRESETS: "product=1:1,product=2:1" })).toThrow(/preset "product" is listed twice/);
  });
});

describe("crop geometry", () => {
  it("centres the largest crop of the preset's ratio", () => {
    expect(centredCrop(1600, 1000, product)).toEqual({ left: 300, top: 0, width: 1000, height: 1000 });
    expect(centredCrop(1000, 1600, product)).toEqual({ left: 0, top: 300, width: 1000, height: 1000 });
    expect(centredCrop(1000, 1000, banner)).toEqual({ left: 0, top: 333, width: 1000, height: 333 });
    expect(centredCrop(1000, 1000, gallery)).toEqual({ left: 100, top: 0, width: 800, height: 1000 });
  });

  it("accepts crops inside the image with the preset's ratio within 1% or 1 px", () => {
    const image = { width: 1000, height: 800 };
    expect(cropProblem({ left: 0, top: 0, width: 900, height: 300 }, image, banner)).toBeNull();
    expect(cropProblem({ left: 0, top: 0, width: 1000, height: 334 }, image, banner)).toBeNull(); // 1 px
    expect(cropProblem({ left: 0, top: 0, width: 800, height: 1002 }, { width: 1000, height: 1200 }, gallery)).toBeNull(); // 0.2%
    expect(cropProblem({ left: 0, top: 0, width: 900, height: 310 }, image, banner)).toMatch(/needs the ratio 3:1/);
    expect(cropProblem({ left: 1, top: 0, width: 1000, height: 300 }, image, banner)).toMatch(/does not fit inside the image/);
    expect(cropProblem({ left: 0, top: 500, width: 300, height: 301 }, image, product)).toMatch(
      /does not fit inside the image, which is 1000×800/,
    );
  });

  it("makes the configured widths that fit, and at least the crop's own", () => {
    expect(renditionWidths(1000, [400, 800, 1200])).toEqual([400, 800]);
    expect(renditionWidths(1200, [400, 800, 1200])).toEqual([400, 800, 1200]);
    expect(renditionWidths(250, [400, 800, 1200])).toEqual([250]);
  });
});

describe("video ladder", () => {
  it("keeps the rungs no taller than the source, at least one", () => {
    expect(ladderFor(1080).map((r) => r.height)).toEqual([360, 720, 1080]);
    expect(ladderFor(2160).map((r) => r.height)).toEqual([360, 720, 1080]);
    expect(ladderFor(720).map((r) => r.height)).toEqual([360, 720]);
    expect(ladderFor(480).map((r) => r.height)).toEqual([360]);
    expect(ladderFor(241).map((r) => r.height)).toEqual([240]);
  });
});

describe("names and sizes", () => {
  it("keeps a printable last path segment of the file name", () => {
    expect(cleanFilename("C:\\Users\\ayşe\\Masaüstü\\çanta.jpg")).toBe("çanta.jpg");
    expect(cleanFilename("../../etc/passwd")).toBe("passwd");
    expect(cleanFilename("a\u0000b\nc.png")).toBe("abc.png");
    expect(cleanFilename(undefined)).toBe("upload");
    expect(cleanFilename("x".repeat(300))).toHaveLength(200);
  });

  it("formats megabytes for messages", () => {
    expect(formatMegabytes(20 * 1024 * 1024)).toBe("20 MB");
    expect(formatMegabytes(2.5 * 1024 * 1024)).toBe("2.5 MB");
    expect(formatMegabytes(1_677_721)).toBe("1.6 MB");
  });
});
