// Fixtures and helpers for the media pipeline tests: real images made with sharp, real videos made
// with ffmpeg's test sources, and multipart uploads through the real application.

import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import type { TestApp } from "./app.ts";

const exec = promisify(execFile);

/** Text planted in the test photo's EXIF: no stored file may contain it. */
export const EXIF_SECRET = "Gizli Fotografci Ayse";

/**
 * A JPEG with camera EXIF: GPS position, author and an orientation of 6 (the pixels are stored
 * sideways: `width`×`height` on disk, shown `height`×`width`).
 */
export async function jpegWithGps(width = 1600, height = 1000): Promise<Buffer> {
  return sharp(gradient(width, height), { raw: { width, height, channels: 3 } })
    .withExif({
      IFD0: { Artist: EXIF_SECRET, Copyright: EXIF_SECRET, Make: "KervanCam", Model: "K-1" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "41/1 0/1 3600/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "28/1 58/1 4800/100",
      },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** A PNG (give it any name). */
export async function png(width = 900, height = 600, options: { noise?: boolean } = {}): Promise<Buffer> {
  const pixels = options.noise ? noise(width, height) : gradient(width, height);
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: options.noise ? 0 : 6 })
    .toBuffer();
}

function gradient(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      data[i] = (x * 255) / width;
      data[i + 1] = (y * 255) / height;
      data[i + 2] = ((x + y) * 97) & 0xff;
    }
  }
  return data;
}

function noise(width: number, height: number): Buffer {
  return randomBytes(width * height * 3);
}

/** An animated GIF (five frames of ffmpeg's test pattern). */
export async function animatedGif(width = 120, height = 90): Promise<Buffer> {
  const { stdout } = await exec(
    "ffmpeg",
    ["-v", "error", "-f", "lavfi", "-i", `testsrc=size=${width}x${height}:rate=5:duration=1`, "-f", "gif", "pipe:1"],
    { encoding: "buffer", maxBuffer: 16 * 1024 * 1024 },
  );
  return stdout;
}

/** The first bytes of an iPhone HEIC photo: enough for its type to be recognised. */
export function heicHeader(): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from("ftypheic"),
    Buffer.alloc(4),
    Buffer.from("mif1heic"),
    Buffer.alloc(5000),
  ]);
}

/** A short ffmpeg test-pattern video (with a tone when `audio`) in `dir`; returns its bytes. */
export async function testVideo(
  dir: string,
  name: string,
  options: { width: number; height: number; seconds: number; audio?: boolean },
): Promise<Buffer> {
  const file = path.join(dir, name);
  const ext = path.extname(name);
  const codec =
    ext === ".webm" ? ["-c:v", "libvpx-vp9", "-b:v", "300k", "-deadline", "realtime"] : ["-c:v", "libx264", "-preset", "ultrafast"];
  await exec("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `testsrc=size=${options.width}x${options.height}:rate=25:duration=${options.seconds}`,
    ...(options.audio ? ["-f", "lavfi", "-i", `sine=frequency=440:duration=${options.seconds}`] : []),
    ...codec,
    ...(ext === ".webm" ? [] : ["-pix_fmt", "yuv444p"]),
    ...(options.audio ? (ext === ".webm" ? ["-c:a", "libopus"] : ["-c:a", "aac"]) : []),
    "-shortest",
    file,
  ]);
  return readFile(file);
}

/** ffprobe's view of a file: its streams' codec, pixel format and size, and the duration. */
export async function probe(file: string): Promise<{
  streams: { codec_type: string; codec_name: string; pix_fmt?: string; width?: number; height?: number }[];
  format: { duration: string };
}> {
  const { stdout } = await exec("ffprobe", ["-v", "error", "-print_format", "json", "-show_streams", "-show_format", file]);
  return JSON.parse(stdout);
}

/** A multipart/form-data body (as a browser's FormData sends it) with `file` and other fields. */
export async function multipart(
  file: { name: string; data: Buffer; type?: string } | null,
  fields: Record<string, string> = {},
): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  if (file) form.append("file", new Blob([new Uint8Array(file.data)], { type: file.type ?? "application/octet-stream" }), file.name);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  const request = new Request("http://localhost/", { method: "POST", body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get("content-type") as string };
}

/** A signed-in staff member's calls on one store, with the Origin a browser page would send. */
export function staffClient(t: TestApp, host: string, cookie: string) {
  const headers = { host, cookie, origin: `http://${host}` };
  return {
    async upload(file: { name: string; data: Buffer; type?: string } | null, fields: Record<string, string> = {}) {
      const body = await multipart(file, fields);
      return t.app.inject({
        method: "POST",
        url: "/api/admin/media",
        headers: { ...headers, "content-type": body.contentType },
        payload: body.payload,
      });
    },
    get: (url: string) => t.app.inject({ method: "GET", url, headers }),
    json: (method: "POST" | "PATCH" | "DELETE", url: string, payload?: unknown) =>
      t.app.inject({
        method,
        url,
        headers: payload === undefined ? headers : { ...headers, "content-type": "application/json" },
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      }),
  };
}

/** Reads every byte of a stored object. */
export async function readObject(t: TestApp, key: string): Promise<Buffer> {
  const object = await t.kernel.storage.get(key);
  if (!object) throw new Error(`no object at ${key}`);
  const chunks: Buffer[] = [];
  for await (const chunk of object.body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The storage key of a `/media/<key>` URL. */
export function keyOf(url: string): string {
  const at = url.indexOf("/media/");
  if (at === -1) throw new Error(`not a media URL: ${url}`);
  return url.slice(at + "/media/".length);
}

/**
 * Streams a multipart upload of `head` followed by zeros (up to `total` bytes) to a listening
 * server over real HTTP, stopping as soon as the response arrives: how much was sent by then
 * shows whether the server stopped reading early.
 */
export function streamUpload(
  port: number,
  headers: Record<string, string>,
  file: { name: string; head: Buffer; total: number },
): Promise<{ status: number; body: string; sent: number }> {
  const boundary = "----kervan-test-boundary";
  return new Promise((resolve, reject) => {
    const request = http.request({
      host: "127.0.0.1",
      port,
      method: "POST",
      path: "/api/admin/media",
      headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    let sent = file.head.length;
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, sent }));
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    request.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n\r\n`);
    request.write(file.head);
    const chunk = Buffer.alloc(256 * 1024);
    const pump = () => {
      while (!answered && !request.destroyed && sent < file.total) {
        sent += chunk.length;
        if (!request.write(chunk)) {
          request.once("drain", pump);
          return;
        }
      }
      if (!answered && !request.destroyed) request.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
}
