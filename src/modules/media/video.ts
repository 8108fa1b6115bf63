// Video work with the ffmpeg and ffprobe binaries: checking an upload, then making a browser-safe
// H.264 MP4, an HLS ladder and a poster frame.

import { spawn } from "node:child_process";
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";

export interface ToolPaths {
  ffmpegPath: string;
  ffprobePath: string;
}

/** The binary could not be started (not installed, or FFMPEG_PATH/FFPROBE_PATH point nowhere). */
export class ToolMissingError extends Error {
  readonly tool: string;
  constructor(tool: string, cause: unknown) {
    super(`${tool} could not be started`, { cause });
    this.name = "ToolMissingError";
    this.tool = tool;
  }
}

/** ffmpeg/ffprobe ran and failed; `message` holds the end of its error output. */
export class ToolFailedError extends Error {
  constructor(tool: string, code: number | null, stderr: string) {
    const lastLines = stderr.trim().split("\n").slice(-3).join(" ").slice(-400);
    super(`${path.basename(tool)} failed${code === null ? " (killed)" : ` with code ${code}`}${lastLines ? `: ${lastLines}` : ""}`);
    this.name = "ToolFailedError";
  }
}

/** Runs a binary, collecting stdout and the last 16 KiB of stderr; kills it after timeoutMs. */
export function run(command: string, args: string[], timeoutMs = 60 * 60_000): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    } catch (error) {
      reject(new ToolMissingError(command, error));
      return;
    }
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_384);
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === "ENOENT" || error.code === "EACCES" ? new ToolMissingError(command, error) : error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new ToolFailedError(command, code, stderr));
    });
  });
}

/** Whether both ffmpeg and ffprobe start; the first missing one, or null. */
export async function missingTool(tools: ToolPaths): Promise<string | null> {
  for (const tool of [tools.ffmpegPath, tools.ffprobePath]) {
    try {
      await run(tool, ["-version"], 10_000);
    } catch (error) {
      if (error instanceof ToolMissingError) return tool;
      throw error;
    }
  }
  return null;
}

export interface VideoProbe {
  durationMs: number;
  /** As displayed (rotation applied). */
  width: number;
  height: number;
  hasAudio: boolean;
  codec: string;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  duration?: string;
  tags?: Record<string, string>;
  side_data_list?: { rotation?: number }[];
  disposition?: { attached_pic?: number };
}

/** The video's duration, displayed size and whether it has sound; null when it has no video stream. */
export async function probeVideo(tools: ToolPaths, file: string): Promise<VideoProbe | null> {
  const { stdout } = await run(tools.ffprobePath, ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file], 60_000);
  const info = JSON.parse(stdout) as { streams?: ProbeStream[]; format?: { duration?: string } };
  const streams = info.streams ?? [];
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic && s.width && s.height);
  if (!video) return null;
  const rotation = Number(video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? video.tags?.rotate ?? 0);
  const sideways = Math.abs(rotation) % 180 === 90;
  const seconds = Number(info.format?.duration ?? video.duration ?? Number.NaN);
  return {
    durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0,
    width: (sideways ? video.height : video.width) as number,
    height: (sideways ? video.width : video.height) as number,
    hasAudio: streams.some((s) => s.codec_type === "audio"),
    codec: video.codec_name ?? "unknown",
  };
}

/** HLS rungs: height, video and audio bitrates (kbit/s). */
const LADDER = [
  { height: 360, video: 800, audio: 96 },
  { height: 720, video: 2800, audio: 128 },
  { height: 1080, video: 5000, audio: 160 },
];

/** Rungs no taller than the source; a source below the first rung gets one rung at its own height. */
export function ladderFor(sourceHeight: number): { height: number; video: number; audio: number }[] {
  const fitting = LADDER.filter((r) => r.height <= sourceHeight);
  if (fitting.length > 0) return fitting;
  const first = LADDER[0] as (typeof LADDER)[number];
  return [{ ...first, height: Math.max(2, sourceHeight - (sourceHeight % 2)) }];
}

const H264 = ["-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p", "-profile:v", "high"];

/** Browser-safe MP4: H.264 (yuv420p, at most 1080 lines), AAC sound when there is some, index first. */
export async function makeMp4(tools: ToolPaths, input: string, output: string, probe: VideoProbe): Promise<void> {
  await run(tools.ffmpegPath, [
    "-v",
    "error",
    "-y",
    "-i",
    input,
    "-map",
    "0:v:0",
    ...(probe.hasAudio ? ["-map", "0:a:0"] : []),
    "-vf",
    "scale=-2:'trunc(min(1080,ih)/2)*2'",
    ...H264,
    "-crf",
    "23",
    ...(probe.hasAudio ? ["-c:a", "aac", "-b:a", "128k", "-ac", "2"] : ["-an"]),
    "-movflags",
    "+faststart",
    output,
  ]);
}

/**
 * An HLS ladder in `dir`: `master.m3u8`, one `<height>p.m3u8` per rung and its `.ts` segments,
 * with key frames every 2 s so every rung can switch at each 4 s segment.
 */
export async function makeHls(
  tools: ToolPaths,
  input: string,
  dir: string,
  probe: VideoProbe,
): Promise<{ files: string[]; renditions: { height: number; bandwidth: number }[] }> {
  await mkdir(dir, { recursive: true });
  const rungs = ladderFor(probe.height);
  const split = rungs.map((_, i) => `[s${i}]`).join("");
  const scales = rungs.map((r, i) => `[s${i}]scale=-2:${r.height}[v${i}]`).join(";");
  const args = ["-v", "error", "-y", "-i", input, "-filter_complex", `[0:v:0]split=${rungs.length}${split};${scales}`];
  rungs.forEach((_, i) => {
    args.push("-map", `[v${i}]`);
    if (probe.hasAudio) args.push("-map", "0:a:0");
  });
  args.push(...H264, "-force_key_frames", "expr:gte(t,n_forced*2)", "-sc_threshold", "0");
  rungs.forEach((r, i) => {
    args.push(`-b:v:${i}`, `${r.video}k`, `-maxrate:v:${i}`, `${Math.round(r.video * 1.07)}k`, `-bufsize:v:${i}`, `${r.video * 2}k`);
    if (probe.hasAudio) args.push(`-b:a:${i}`, `${r.audio}k`);
  });
  if (probe.hasAudio) args.push("-c:a", "aac", "-ac", "2");
  const streamMap = rungs.map((r, i) => (probe.hasAudio ? `v:${i},a:${i},name:${r.height}p` : `v:${i},name:${r.height}p`)).join(" ");
  args.push(
    "-f",
    "hls",
    "-hls_time",
    "4",
    "-hls_playlist_type",
    "vod",
    "-hls_segment_filename",
    path.join(dir, "%v_%03d.ts"),
    "-master_pl_name",
    "master.m3u8",
    "-var_stream_map",
    streamMap,
    path.join(dir, "%v.m3u8"),
  );
  await run(tools.ffmpegPath, args);
  const files = (await readdir(dir)).sort();
  return {
    files,
    renditions: rungs.map((r) => ({ height: r.height, bandwidth: (r.video + (probe.hasAudio ? r.audio : 0)) * 1000 })),
  };
}

/** One frame as PNG: a second in (or a third of a short video), else the first frame. */
export async function grabFrame(tools: ToolPaths, input: string, output: string, probe: VideoProbe): Promise<void> {
  const at = Math.min(1, probe.durationMs / 3000);
  try {
    await run(tools.ffmpegPath, ["-v", "error", "-y", "-ss", at.toFixed(3), "-i", input, "-frames:v", "1", output]);
  } catch {
    await run(tools.ffmpegPath, ["-v", "error", "-y", "-i", input, "-frames:v", "1", output]);
  }
}
