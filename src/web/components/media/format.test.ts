import { describe, expect, it } from "vitest";
import { getT } from "../../i18n/index.ts";
import { MediaApiError } from "./api.ts";
import { toOriginalCrop } from "./crop.ts";
import { acceptedText, formatBytes, formatDuration, formatPercent, presetLabel, problemMessage, storageLevel } from "./format.ts";

describe("media formatting", () => {
  it("writes sizes and shares the Turkish way (and the English way)", () => {
    expect(formatBytes(1.2 * 1024 ** 3, "tr")).toBe("1,2 GB");
    expect(formatBytes(2 * 1024 ** 3, "tr")).toBe("2 GB");
    expect(formatBytes(1.2 * 1024 ** 3, "en")).toBe("1.2 GB");
    expect(formatBytes(512, "tr")).toBe("512 B");
    expect(formatBytes(15 * 1024 * 1024 + 300_000, "tr")).toBe("15 MB");
    expect(formatPercent(0.61, "tr")).toBe("%61");
    expect(formatPercent(0.61, "en")).toBe("61%");
    expect(formatPercent(0.0012, "tr")).toBe("%0,1");
    expect(formatDuration(83_000)).toBe("1:23");
  });

  it("warns above 80 % and is critical above 95 %", () => {
    expect(storageLevel(0.8)).toBe("ok");
    expect(storageLevel(0.81)).toBe("warn");
    expect(storageLevel(0.95)).toBe("warn");
    expect(storageLevel(0.951)).toBe("critical");
    expect(storageLevel(1.2)).toBe("critical");
  });

  it("names known presets in the visitor's language and others from their name", () => {
    expect(presetLabel(getT("tr"), "home-banner")).toBe("Ana sayfa banner");
    expect(presetLabel(getT("en"), "category-banner")).toBe("Category banner");
    expect(presetLabel(getT("tr"), "blog-kapak")).toBe("Blog kapak");
  });

  it("explains refusals by problem type: what was wrong and what is allowed", () => {
    const t = getT("tr");
    const settings = {
      accept: ["image/jpeg", "image/png", "video/mp4", "video/quicktime"],
      limits: {
        maxImageBytes: 20 * 1024 * 1024,
        maxVideoBytes: 200 * 1024 * 1024,
        maxVideoSeconds: 180,
        maxImagesPerProduct: 5,
        maxVideosPerProduct: 1,
        quotaBytes: 2 * 1024 ** 3,
      },
    };
    const unsupported = new MediaApiError(415, { type: "media/unsupported-type", detail: "…" });
    expect(problemMessage(t, "tr", unsupported, { filename: "fatura.jpg", settings })).toBe(
      "“fatura.jpg” yüklenemedi: dosyanın içeriği kabul edilen bir görsel ya da video değil (dosya adı değil, içeriği kontrol edilir). Kabul edilenler: JPEG, PNG, MP4 ve MOV.",
    );
    const tooLarge = new MediaApiError(413, { type: "media/too-large", limitBytes: 20 * 1024 * 1024 });
    expect(problemMessage(t, "tr", tooLarge, { filename: "dev.png" })).toBe("“dev.png” çok büyük. İzin verilen en büyük boyut: 20 MB.");
    const quota = new MediaApiError(409, { type: "media/quota-exceeded", quotaBytes: 2 * 1024 ** 3 });
    expect(problemMessage(t, "tr", quota, { filename: "a.jpg" })).toContain("mağazanın 2 GB depolama alanı dolu");
    const tooLong = new MediaApiError(422, { type: "media/too-long", maxSeconds: 180 });
    expect(problemMessage(t, "tr", tooLong, { filename: "uzun.mp4" })).toBe("“uzun.mp4” çok uzun. Videolar en fazla 3:00 sürebilir.");
    const inUse = new MediaApiError(409, {
      type: "media/in-use",
      usedBy: { products: [{ id: "1", title: "Deri Çanta" }], banners: [{ id: "2", title: "Yaz İndirimi" }] },
    });
    expect(problemMessage(t, "tr", inUse, { filename: "canta.jpg" })).toBe(
      "“canta.jpg” silinemez, çünkü kullanılıyor: “Deri Çanta” ürünü ve “Yaz İndirimi” bannerı. Önce oradan kaldırın.",
    );
    expect(problemMessage(t, "tr", new MediaApiError(0, { type: "network" }))).toContain("Sunucuya ulaşılamadı");
    expect(problemMessage(t, "tr", new MediaApiError(500, { type: "about:blank", detail: "Boom" }))).toBe("Boom");
    expect(acceptedText(settings, "en", "video")).toBe("MP4 and MOV");
  });
});

describe("toOriginalCrop", () => {
  const image = { width: 1800, height: 1200 };

  it("turns percentages into original pixels with the preset's exact ratio", () => {
    const crop = toOriginalCrop({ x: 0, y: 25, width: 100, height: 50 }, 3, image);
    expect(crop).toEqual({ left: 0, top: 300, width: 1800, height: 600 });
    const zoomed = toOriginalCrop({ x: 10.2, y: 30.1, width: 60.61, height: 30.3 }, 3, image);
    expect(Math.abs(zoomed.height - zoomed.width / 3)).toBeLessThanOrEqual(0.5);
    expect(zoomed.left).toBe(184);
  });

  it("stays inside the image", () => {
    const crop = toOriginalCrop({ x: 50, y: 90, width: 80, height: 60 }, 4 / 5, image);
    expect(crop.left + crop.width).toBeLessThanOrEqual(image.width);
    expect(crop.top + crop.height).toBeLessThanOrEqual(image.height);
    expect(crop.height).toBe(1200);
    expect(crop.width).toBe(960);
    expect(crop.top).toBe(0);
  });
});
