import { Play } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import type { VideoSource } from "../../../modules/catalog/types.ts";
import { useT } from "../../i18n/index.ts";

interface HlsInstance {
  destroy(): void;
}

/**
 * Points the <video> at the product video: native HLS where the browser has it (Safari, iOS,
 * recent Chromium), else hls.js — loaded on demand so it stays out of the page's bundle — else the MP4.
 * Returns a cleanup that stops hls.js.
 */
async function attachSource(video: HTMLVideoElement, source: VideoSource): Promise<() => void> {
  if (source.hls && video.canPlayType("application/vnd.apple.mpegurl")) {
    video.src = source.hls;
    return () => {};
  }
  if (source.hls) {
    try {
      const { default: Hls } = await import("hls.js/light");
      if (Hls.isSupported()) {
        // No worker: it would be created from a blob: URL, which the CSP does not allow for scripts.
        const hls = new Hls({ capLevelToPlayerSize: true, enableWorker: false });
        let fellBack = false;
        hls.on(Hls.Events.ERROR, (_event, data) => {
          // A broken ladder should not leave the shopper with nothing: play the MP4 instead.
          if (data.fatal && !fellBack) {
            fellBack = true;
            hls.destroy();
            video.src = source.mp4;
            video.play().catch(() => {});
          }
        });
        hls.loadSource(source.hls);
        hls.attachMedia(video);
        const instance: HlsInstance = hls;
        return () => instance.destroy();
      }
    } catch {
      // hls.js could not be loaded: fall through to the MP4.
    }
  }
  video.src = source.mp4;
  return () => {};
}

/**
 * The product video as a gallery slide: the poster first; the stream is attached only when the
 * shopper plays it, and plays muted (the shopper can unmute) — never autoplays with sound.
 * Leaving the slide pauses it.
 */
export function VideoSlide({
  video,
  active,
  autoPlay,
  title,
  className,
}: {
  video: VideoSource;
  /** The slide is the one on screen. */
  active: boolean;
  /** Start (muted) as soon as the slide is shown, e.g. when the shopper opened the gallery on it. */
  autoPlay: boolean;
  title: string;
  className?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLVideoElement>(null);
  const attached = useRef<Promise<() => void> | null>(null);
  const [started, setStarted] = useState(false);

  const ensureSource = () => {
    const el = ref.current;
    if (!el) return Promise.resolve();
    attached.current ??= attachSource(el, video);
    return attached.current;
  };

  const play = async (takeFocus = false) => {
    const el = ref.current;
    if (!el) return;
    el.muted = true;
    setStarted(true);
    // The play button goes away: hand the focus to the player and its controls.
    if (takeFocus) requestAnimationFrame(() => el.focus({ preventScroll: true }));
    await ensureSource();
    await el.play().catch(() => {
      // Autoplay refused (should not happen muted): the native controls remain.
    });
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: react to the slide being shown or left only
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (!active) {
      el.pause();
      return;
    }
    if (autoPlay) void play();
  }, [active]);

  useEffect(
    () => () => {
      void attached.current?.then((cleanup) => cleanup());
    },
    [],
  );

  const ratio = video.width && video.height ? `${video.width} / ${video.height}` : "16 / 9";
  return (
    <div className={className} style={{ aspectRatio: ratio }}>
      <div className="relative size-full">
        <video
          ref={ref}
          data-testid="gallery-video"
          poster={video.poster?.src}
          controls={started}
          tabIndex={started ? 0 : -1}
          muted
          playsInline
          preload="none"
          aria-label={video.alt || title}
          onPlay={() => setStarted(true)}
          className="size-full rounded-lg bg-black object-contain"
        />
        {!started && (
          <button
            type="button"
            onClick={() => void play(true)}
            className="group absolute inset-0 flex items-center justify-center rounded-lg"
          >
            <span className="flex size-16 items-center justify-center rounded-full bg-black/60 text-white shadow-pop ring-2 ring-white/80 transition-transform group-hover:scale-105 sm:size-20">
              <Play aria-hidden="true" className="ml-1 size-8 fill-current sm:size-9" />
            </span>
            <span className="sr-only">{t("gallery.playVideo")}</span>
          </button>
        )}
      </div>
    </div>
  );
}
