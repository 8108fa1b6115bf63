import clsx from "clsx";
import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { useT } from "../../i18n/index.ts";
import { ResponsivePicture } from "./picture.tsx";
import { type Slide, SlideThumbnail } from "./slides.tsx";
import { useSnapTrack } from "./use-snap-track.ts";
import { VideoSlide } from "./video-slide.tsx";

/**
 * The full-screen gallery: a modal <dialog> (the page behind is inert, so focus stays inside;
 * Escape closes it natively), next/previous buttons, ArrowLeft/ArrowRight/Home/End, touch swipe
 * (a scroll-snap track), a "2 / 5" counter, thumbnails and the video as a slide. On close, focus
 * goes back to what opened it and `onClose` gets the slide that was showing.
 */
export function GalleryModal({
  slides,
  title,
  openAt,
  autoPlayVideo,
  onClose,
}: {
  slides: Slide[];
  title: string;
  /** The slide to open on, or null while closed. */
  openAt: number | null;
  /** Start the video when the gallery opens on it (the shopper asked for the video). */
  autoPlayVideo: boolean;
  onClose: (index: number) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const current = useRef(openAt ?? 0);
  const opener = useRef<HTMLElement | null>(null);
  const open = openAt !== null;

  // Called by the body once mounted (children's effects run before their parent's, and the
  // slides can only be scrolled to once the dialog is shown).
  const show = () => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
  };

  useEffect(() => {
    if (!open) return;
    // The page behind a modal dialog still scrolls with the wheel: hold it still while open.
    const root = document.documentElement;
    const previous = root.style.overflow;
    root.style.overflow = "hidden";
    return () => {
      root.style.overflow = previous;
    };
  }, [open]);

  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the empty backdrop area closes; Escape does the same natively
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid="gallery-modal"
      onClose={() => {
        onClose(current.current);
        const back = opener.current;
        opener.current = null;
        if (back?.isConnected) back.focus({ preventScroll: true });
      }}
      onClick={(event) => {
        if (event.target === ref.current) ref.current?.close();
      }}
      className="m-0 h-dvh max-h-none w-screen max-w-none overflow-hidden bg-surface p-0 text-fg backdrop:bg-black/80 open:flex"
    >
      {open && (
        <ModalBody
          slides={slides}
          title={title}
          titleId={titleId}
          initial={openAt}
          autoPlayVideo={autoPlayVideo}
          show={show}
          onIndex={(index) => {
            current.current = index;
          }}
          onClose={() => ref.current?.close()}
        />
      )}
    </dialog>
  );
}

function ModalBody({
  slides,
  title,
  titleId,
  initial,
  autoPlayVideo,
  show,
  onIndex,
  onClose,
}: {
  slides: Slide[];
  title: string;
  titleId: string;
  initial: number;
  autoPlayVideo: boolean;
  show: () => void;
  onIndex: (index: number) => void;
  onClose: () => void;
}) {
  const t = useT();
  const count = slides.length;
  const track = useSnapTrack(count, initial);
  const closeRef = useRef<HTMLButtonElement>(null);
  const thumbs = useRef<HTMLUListElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const { index, goTo } = track;

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on opening
  useEffect(() => {
    show();
    goTo(initial, "instant");
    closeRef.current?.focus({ preventScroll: true });
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: onIndex only records the index
  useEffect(() => {
    onIndex(index);
    // Keep the active thumbnail in view without scrolling the page.
    const list = thumbs.current;
    const item = list?.children[index] as HTMLElement | undefined;
    if (list && item) {
      const left = item.offsetLeft - list.offsetLeft;
      if (left < list.scrollLeft || left + item.offsetWidth > list.scrollLeft + list.clientWidth) {
        list.scrollTo({ left: left - (list.clientWidth - item.offsetWidth) / 2 });
      }
    }
  }, [index]);

  // Keys work wherever the focus is in the dialog (also after a control it was on went away):
  // arrows/Home/End move between slides, Tab and Shift+Tab wrap around inside the dialog.
  const position = useRef({ index, count, goTo });
  position.current = { index, count, goTo };
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const dialog = bodyRef.current?.closest("dialog");
      if (!dialog?.open || event.defaultPrevented) return;
      if (event.key === "Tab") {
        trapTab(dialog, event);
        return;
      }
      const target = event.target as HTMLElement;
      // The video's own controls use the arrow keys to seek.
      if (target instanceof HTMLVideoElement || target instanceof HTMLInputElement) return;
      const { index: at, count: total, goTo: go } = position.current;
      const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: total - 1 };
      const next = moves[event.key];
      if (next === undefined) return;
      event.preventDefault();
      go(next);
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <div ref={bodyRef} className="flex size-full flex-col">
      <div className="flex items-center gap-3 border-line border-b px-4 py-2.5 sm:px-6">
        <h2 id={titleId} className="min-w-0 flex-1 truncate font-semibold text-sm sm:text-base">
          {title}
        </h2>
        <p data-testid="gallery-counter" aria-live="polite" className="shrink-0 font-semibold text-muted text-sm tabular-nums">
          <span className="sr-only">{t("gallery.position")} </span>
          {index + 1} / {count}
        </p>
        <button
          ref={closeRef}
          type="button"
          onClick={onClose}
          className="inline-flex size-10 shrink-0 items-center justify-center rounded-full hover:bg-surface-2"
        >
          <X aria-hidden="true" className="size-6" />
          <span className="sr-only">{t("gallery.close")}</span>
        </button>
      </div>

      <div className="relative min-h-0 flex-1">
        <section
          ref={track.ref}
          aria-roledescription={t("gallery.carousel")}
          aria-label={t("gallery.images", { title })}
          className="no-scrollbar flex size-full snap-x snap-mandatory overflow-x-auto overscroll-x-contain"
        >
          {slides.map((slide, i) => (
            // biome-ignore lint/a11y/useSemanticElements: a carousel slide (WAI-ARIA carousel pattern), not a form group
            <div
              key={slide.key}
              role="group"
              aria-roledescription={t("gallery.slide")}
              aria-label={`${i + 1} / ${count}`}
              inert={i !== index}
              data-active={i === index ? "true" : undefined}
              className="flex size-full shrink-0 snap-center snap-always items-center justify-center p-3 sm:px-20 sm:py-6"
            >
              {slide.kind === "image" ? (
                <ResponsivePicture
                  image={slide.image}
                  alt={slide.alt}
                  sizes="100vw"
                  priority={i === initial}
                  className="block size-full"
                  imgClassName="size-full object-contain"
                  draggable={false}
                />
              ) : (
                <VideoSlide
                  video={slide.video}
                  title={title}
                  active={i === index}
                  autoPlay={autoPlayVideo && i === initial}
                  className="max-h-full w-full max-w-5xl"
                />
              )}
            </div>
          ))}
        </section>
        {count > 1 && (
          <>
            <NavButton side="left" label={t("gallery.previous")} disabled={index === 0} onClick={() => goTo(index - 1)} />
            <NavButton side="right" label={t("gallery.next")} disabled={index === count - 1} onClick={() => goTo(index + 1)} />
          </>
        )}
      </div>

      {count > 1 && (
        <ul ref={thumbs} className="no-scrollbar flex justify-start gap-2 overflow-x-auto border-line border-t px-4 py-3 sm:justify-center">
          {slides.map((slide, i) => (
            <li key={slide.key} className="shrink-0">
              <SlideThumbnail slide={slide} index={i} active={i === index} onSelect={() => goTo(i)} className="size-14 sm:size-16" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Previous/next; at either end it is dimmed with aria-disabled (not `disabled`, which would drop the focus). */
function NavButton({ side, label, disabled, onClick }: { side: "left" | "right"; label: string; disabled: boolean; onClick: () => void }) {
  const Icon = side === "left" ? ChevronLeft : ChevronRight;
  return (
    <button
      type="button"
      onClick={disabled ? undefined : onClick}
      aria-disabled={disabled || undefined}
      className={clsx(
        "-translate-y-1/2 absolute top-1/2 hidden size-12 items-center justify-center rounded-full border border-line bg-surface/95 text-fg shadow-card transition-[opacity,border-color] sm:inline-flex",
        disabled ? "cursor-default opacity-35" : "hover:border-brand hover:text-brand",
        side === "left" ? "left-4" : "right-4",
      )}
    >
      <Icon aria-hidden="true" className="size-6" />
      <span className="sr-only">{label}</span>
    </button>
  );
}

const FOCUSABLE = 'button, a[href], video[controls], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Keeps Tab inside the dialog: from the last control back to the first, and the other way round. */
function trapTab(dialog: HTMLDialogElement, event: globalThis.KeyboardEvent) {
  const controls = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !el.matches(":disabled") && !el.closest("[inert]") && el.getClientRects().length > 0,
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && dialog.contains(active) && active !== dialog;
  if (event.shiftKey ? !inside || active === first : !inside || active === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}
