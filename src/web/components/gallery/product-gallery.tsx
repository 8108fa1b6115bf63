import clsx from "clsx";
import { ImageOff, Play, ZoomIn } from "lucide-react";
import { type RefObject, useEffect, useRef, useState } from "react";
import type { VideoSource } from "../../../modules/catalog/types.ts";
import { useT } from "../../i18n/index.ts";
import { DiscountBadge } from "../price.tsx";
import { GalleryModal } from "./gallery-modal.tsx";
import { type GalleryImage, ResponsivePicture } from "./picture.tsx";
import { gallerySlides, type Slide, SlideThumbnail } from "./slides.tsx";
import { useSnapTrack } from "./use-snap-track.ts";

/** The main image's rendered width: the gallery column (see the product page grid), full width below lg. */
export const MAIN_SIZES = "(min-width: 1280px) 560px, (min-width: 1024px) 44vw, 100vw";
/** Magnification of the zoom pane relative to the main image as shown. */
const ZOOM = 2.5;
/** Only a mouse-like pointer on a wide screen gets the hover zoom. */
const ZOOM_QUERY = "(hover: hover) and (pointer: fine) and (min-width: 1024px)";

function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(false);
  useEffect(() => {
    const list = window.matchMedia(query);
    setMatches(list.matches);
    const onChange = () => setMatches(list.matches);
    list.addEventListener("change", onChange);
    return () => list.removeEventListener("change", onChange);
  }, [query]);
  return matches;
}

/**
 * Trendyol-style product gallery: the main image (a swipeable track on touch screens) with
 * thumbnails below, a hover zoom pane beside it on desktop, and a full-screen modal on click.
 * `imageIndex` (the chosen variant's image) moves the main image when it changes.
 */
export function ProductGallery({
  title,
  images,
  video,
  imageIndex,
  discountPercent,
}: {
  title: string;
  images: GalleryImage[];
  video: VideoSource | null;
  imageIndex: number | null;
  discountPercent: number;
}) {
  const t = useT();
  const slides = gallerySlides(images, video, (index) => t("product.image", { title, index: index + 1 }), t("gallery.videoOf", { title }));
  const count = slides.length;
  const initial = imageIndex !== null && imageIndex < images.length ? imageIndex : 0;
  const track = useSnapTrack(count, initial);
  const { index, goTo } = track;
  const [modal, setModal] = useState<{ at: number; play: boolean } | null>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  const thumbsRef = useRef<HTMLUListElement>(null);
  const canZoom = useMediaQuery(ZOOM_QUERY);

  // The server renders the first slide in view; show the chosen variant's image once hydrated.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, after hydration
  useEffect(() => {
    if (initial > 0) goTo(initial, "instant");
  }, []);

  // A variant change shows that variant's image.
  const lastImageIndex = useRef(imageIndex);
  useEffect(() => {
    if (imageIndex === lastImageIndex.current) return;
    lastImageIndex.current = imageIndex;
    if (imageIndex !== null && imageIndex < images.length) goTo(imageIndex);
  }, [imageIndex, images.length, goTo]);

  // Keep the active thumbnail in view (scrolling the strip only, never the page).
  useEffect(() => {
    const list = thumbsRef.current;
    const item = list?.children[index] as HTMLElement | undefined;
    if (!list || !item) return;
    const left = item.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft || left + item.offsetWidth > list.scrollLeft + list.clientWidth) {
      list.scrollTo({ left: left - (list.clientWidth - item.offsetWidth) / 2, behavior: "smooth" });
    }
  }, [index]);

  if (count === 0) {
    return (
      <div className="relative overflow-hidden rounded-2xl border border-line bg-surface">
        <div
          role="img"
          aria-label={t("product.noImage")}
          className="flex aspect-square w-full items-center justify-center bg-surface-2 text-muted"
        >
          <ImageOff aria-hidden="true" className="size-10 opacity-60" />
        </div>
        <DiscountBadge percent={discountPercent} className="absolute top-3 left-3 px-2 py-1 text-sm" />
      </div>
    );
  }

  const openModal = (at: number) => setModal({ at, play: slides[at]?.kind === "video" });
  const active = slides[index];

  return (
    <div className="relative" data-testid="product-gallery">
      <div ref={stageRef} className="group/stage relative overflow-hidden rounded-2xl border border-line bg-surface">
        {/* biome-ignore lint/a11y/useKeyWithClickEvents: keyboard users open the gallery with the zoom button below */}
        <section
          ref={track.ref}
          aria-roledescription={t("gallery.carousel")}
          aria-label={t("gallery.images", { title })}
          data-testid="gallery-main"
          data-index={index}
          onClick={() => openModal(index)}
          className={clsx(
            "no-scrollbar flex snap-x snap-mandatory overflow-x-auto overscroll-x-contain",
            active?.kind === "image" ? "cursor-zoom-in" : "cursor-pointer",
          )}
        >
          {slides.map((slide, i) => (
            // biome-ignore lint/a11y/useSemanticElements: a carousel slide (WAI-ARIA carousel pattern), not a form group
            <div
              key={slide.key}
              role="group"
              aria-roledescription={t("gallery.slide")}
              aria-label={`${i + 1} / ${count}`}
              data-active={i === index ? "true" : undefined}
              // The server-rendered page opens on the chosen variant's image where CSS can say so.
              className={clsx(
                "relative aspect-square w-full shrink-0 snap-center snap-always",
                i === initial && i > 0 && "[scroll-initial-target:nearest]",
              )}
            >
              <MainSlide slide={slide} priority={i === initial} />
            </div>
          ))}
        </section>
        <DiscountBadge percent={discountPercent} className="pointer-events-none absolute top-3 left-3 px-2 py-1 text-sm" />
        <button
          type="button"
          onClick={() => openModal(index)}
          className="absolute top-3 right-3 inline-flex size-10 items-center justify-center rounded-full border border-line bg-surface/90 text-fg shadow-card transition-opacity hover:text-brand lg:opacity-0 lg:focus-visible:opacity-100 lg:group-hover/stage:opacity-100"
        >
          <ZoomIn aria-hidden="true" className="size-5" />
          <span className="sr-only">{t("gallery.open")}</span>
        </button>
        {count > 1 && (
          <span
            aria-hidden="true"
            className="pointer-events-none absolute right-3 bottom-3 rounded-full bg-black/60 px-2.5 py-1 font-semibold text-white text-xs tabular-nums lg:hidden"
          >
            {index + 1} / {count}
          </span>
        )}
      </div>

      {count > 1 && (
        <>
          <div aria-hidden="true" className="mt-3 flex justify-center gap-1.5 sm:hidden">
            {slides.map((slide, i) => (
              <span
                key={slide.key}
                className={clsx("h-1.5 rounded-full transition-all", i === index ? "w-5 bg-brand" : "w-1.5 bg-line-strong")}
              />
            ))}
          </div>
          <ul ref={thumbsRef} aria-label={t("gallery.thumbnails")} className="no-scrollbar mt-3 hidden gap-2 overflow-x-auto p-0.5 sm:flex">
            {slides.map((slide, i) => (
              <li key={slide.key} className="shrink-0">
                <SlideThumbnail
                  slide={slide}
                  index={i}
                  active={i === index}
                  onSelect={() => goTo(i, "instant")}
                  className="size-[4.5rem]"
                />
              </li>
            ))}
          </ul>
        </>
      )}

      {canZoom && active?.kind === "image" && modal === null && <Zoom stageRef={stageRef} image={active.image} />}

      <GalleryModal
        slides={slides}
        title={title}
        openAt={modal?.at ?? null}
        autoPlayVideo={modal?.play ?? false}
        onClose={(at) => {
          setModal(null);
          goTo(at, "instant");
        }}
      />
    </div>
  );
}

function MainSlide({ slide, priority }: { slide: Slide; priority: boolean }) {
  if (slide.kind === "image") {
    return (
      <ResponsivePicture
        image={slide.image}
        alt={slide.alt}
        sizes={MAIN_SIZES}
        priority={priority}
        className="block size-full"
        imgClassName="size-full bg-surface object-contain"
        draggable={false}
      />
    );
  }
  const poster = slide.video.poster;
  return (
    <div className="relative size-full bg-black">
      {poster && (
        <ResponsivePicture
          image={poster}
          alt={slide.alt}
          sizes={MAIN_SIZES}
          priority={priority}
          className="block size-full"
          imgClassName="size-full object-contain"
          draggable={false}
        />
      )}
      <span className="absolute inset-0 flex items-center justify-center">
        <span className="flex size-16 items-center justify-center rounded-full bg-black/60 text-white shadow-pop ring-2 ring-white/80">
          <Play aria-hidden="true" className="ml-1 size-8 fill-current" />
        </span>
      </span>
    </div>
  );
}

interface Pointer {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Room to the right of the gallery for the pane. */
  room: number;
}

/**
 * The hover zoom: a lens over the main image and, beside the gallery (over the info column), a
 * pane showing the lens area magnified, following the pointer. Mouse only.
 */
function Zoom({ stageRef, image }: { stageRef: RefObject<HTMLDivElement | null>; image: GalleryImage }) {
  const [pointer, setPointer] = useState<Pointer | null>(null);

  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    let frame = 0;
    const move = (event: PointerEvent) => {
      if (event.pointerType !== "mouse") return;
      // Not over the zoom button or anything else laid over the image.
      const overControl = (event.target as Element).closest("button");
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        if (overControl) return setPointer(null);
        const rect = stage.getBoundingClientRect();
        const room = document.documentElement.clientWidth - rect.right;
        setPointer({ x: event.clientX - rect.left, y: event.clientY - rect.top, width: rect.width, height: rect.height, room });
      });
    };
    const leave = () => {
      cancelAnimationFrame(frame);
      setPointer(null);
    };
    stage.addEventListener("pointermove", move);
    stage.addEventListener("pointerleave", leave);
    return () => {
      cancelAnimationFrame(frame);
      stage.removeEventListener("pointermove", move);
      stage.removeEventListener("pointerleave", leave);
    };
  }, [stageRef]);

  if (!pointer) return null;
  const GAP = 24;
  const paneWidth = Math.min(pointer.width, pointer.room - GAP - 16);
  if (paneWidth < 160) return null;
  const paneHeight = pointer.height;
  // The picture is object-contain in the stage: find the box it actually fills.
  const ratio = image.width > 0 && image.height > 0 ? image.width / image.height : 1;
  const fitWidth = Math.min(pointer.width, pointer.height * ratio);
  const fitHeight = fitWidth / ratio;
  const fitLeft = (pointer.width - fitWidth) / 2;
  const fitTop = (pointer.height - fitHeight) / 2;
  const lensWidth = Math.min(paneWidth / ZOOM, fitWidth);
  const lensHeight = Math.min(paneHeight / ZOOM, fitHeight);
  const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
  const lensLeft = clamp(pointer.x - lensWidth / 2, fitLeft, fitLeft + fitWidth - lensWidth);
  const lensTop = clamp(pointer.y - lensHeight / 2, fitTop, fitTop + fitHeight - lensHeight);
  const zoomWidth = fitWidth * ZOOM;
  const zoomHeight = fitHeight * ZOOM;
  const offsetX = (lensLeft - fitLeft) * ZOOM;
  const offsetY = (lensTop - fitTop) * ZOOM;
  return (
    <>
      <div
        aria-hidden="true"
        data-testid="zoom-lens"
        className="pointer-events-none absolute z-10 rounded-sm border border-brand bg-brand/10 shadow-[0_0_0_1px_rgb(255_255_255/0.6)]"
        style={{ left: lensLeft, top: lensTop, width: lensWidth, height: lensHeight }}
      />
      <div
        aria-hidden="true"
        data-testid="zoom-pane"
        className="pointer-events-none absolute top-0 z-30 overflow-hidden rounded-2xl border border-line bg-surface shadow-pop"
        style={{ left: `calc(100% + ${GAP}px)`, width: paneWidth, height: paneHeight }}
      >
        <ResponsivePicture
          image={image}
          alt=""
          sizes={`${Math.round(zoomWidth)}px`}
          priority
          className="block"
          imgClassName="absolute top-0 left-0 max-w-none"
          imgStyle={{
            width: zoomWidth,
            height: zoomHeight,
            transform: `translate3d(${-offsetX}px, ${-offsetY}px, 0)`,
          }}
          draggable={false}
        />
      </div>
    </>
  );
}
