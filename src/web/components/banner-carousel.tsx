import clsx from "clsx";
import { ChevronLeft, ChevronRight, Pause, Play } from "lucide-react";
import { useCallback, useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { useT } from "../i18n/index.ts";
import type { BannerSlide } from "../services/catalog-admin.ts";

const INTERVAL_MS = 6_000;
/** The carousel is as wide as the page container (80rem less padding). */
const SIZES = "(min-width: 1280px) 1232px, (min-width: 640px) calc(100vw - 3rem), 100vw";

function SlideLink({
  href,
  children,
  className,
  tabIndex,
}: {
  href: string | null;
  children: React.ReactNode;
  className: string;
  tabIndex?: number;
}) {
  if (!href) return <div className={className}>{children}</div>;
  if (href.startsWith("/") && !href.startsWith("//"))
    return (
      <Link to={href} prefetch="intent" className={className} tabIndex={tabIndex}>
        {children}
      </Link>
    );
  return (
    <a href={href} rel="noopener" className={className} tabIndex={tabIndex}>
      {children}
    </a>
  );
}

/**
 * The home page's slides: swipe or scroll (CSS scroll snap), previous/next buttons, dots, and
 * auto-advance that pauses on hover, on focus, in a background tab, with the pause button, and
 * never starts for people who prefer reduced motion. The first slide's picture loads eagerly with
 * high priority (it is the page's largest paint); the others lazily.
 */
export function BannerCarousel({ slides, label }: { slides: BannerSlide[]; label: string }) {
  const t = useT();
  const track = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLElement>(null);
  const [index, setIndex] = useState(0);
  const [paused, setPaused] = useState(false);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [reducedMotion, setReducedMotion] = useState(true);
  const [hidden, setHidden] = useState(false);
  const count = slides.length;

  useEffect(() => {
    const query = window.matchMedia("(prefers-reduced-motion: reduce)");
    const update = () => setReducedMotion(query.matches);
    update();
    query.addEventListener("change", update);
    const visibility = () => setHidden(document.hidden);
    document.addEventListener("visibilitychange", visibility);
    return () => {
      query.removeEventListener("change", update);
      document.removeEventListener("visibilitychange", visibility);
    };
  }, []);

  const goTo = useCallback(
    (i: number) => {
      const el = track.current;
      if (!el || count === 0) return;
      const next = (i + count) % count;
      el.scrollTo({ left: next * el.clientWidth, behavior: reducedMotion ? "auto" : "smooth" });
      setIndex(next);
    },
    [count, reducedMotion],
  );

  // the slide in view follows the scroll position (swipes, trackpads, keyboard scrolling)
  useEffect(() => {
    const el = track.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setIndex(Math.round(el.scrollLeft / Math.max(1, el.clientWidth))));
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      el.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  const playing = count > 1 && !paused && !hovered && !focused && !reducedMotion && !hidden;
  useEffect(() => {
    if (!playing) return;
    const timer = window.setTimeout(() => goTo(index + 1), INTERVAL_MS);
    return () => window.clearTimeout(timer);
  }, [playing, index, goTo]);

  if (count === 0) return null;
  const button =
    "absolute top-1/2 z-10 hidden size-11 -translate-y-1/2 items-center justify-center rounded-full bg-white/90 text-neutral-900 shadow-pop transition hover:bg-white sm:inline-flex";

  return (
    <section
      ref={root}
      aria-roledescription={t("carousel.roledescription")}
      aria-label={label}
      className="relative"
      data-testid="banner-carousel"
      onPointerEnter={() => setHovered(true)}
      onPointerLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <div className="relative">
        <div
          ref={track}
          aria-live={playing ? "off" : "polite"}
          className="no-scrollbar relative flex snap-x snap-mandatory overflow-x-auto overscroll-x-contain rounded-2xl sm:rounded-3xl"
        >
          {slides.map((slide, i) => {
            const picture = slide.picture;
            return (
              // biome-ignore lint/a11y/useSemanticElements: the WAI-ARIA carousel pattern: a group with aria-roledescription "slide"
              <div
                key={slide.id}
                role="group"
                aria-roledescription={t("carousel.slide")}
                aria-label={t("carousel.slideOf", { n: i + 1, count })}
                aria-hidden={i === index ? undefined : true}
                // keep off-screen slides out of the tab order (their links stay reachable through the dots)
                inert={i === index ? undefined : true}
                className="w-full shrink-0 snap-start snap-always"
                data-active={i === index ? "true" : undefined}
              >
                <SlideLink
                  href={slide.linkUrl}
                  className="group relative block overflow-hidden bg-[linear-gradient(120deg,#0b3d3a_0%,#0f766e_48%,#14948a_100%)] text-white"
                >
                  {picture ? (
                    <picture>
                      {picture.sources.map((s) => (
                        <source key={s.type} type={s.type} srcSet={s.srcSet} sizes={SIZES} />
                      ))}
                      <img
                        src={picture.src}
                        srcSet={picture.srcSet}
                        sizes={SIZES}
                        width={picture.width}
                        height={picture.height}
                        alt={picture.alt === slide.title ? "" : picture.alt}
                        loading={i === 0 ? "eager" : "lazy"}
                        fetchPriority={i === 0 ? "high" : "low"}
                        decoding={i === 0 ? "sync" : "async"}
                        className="aspect-[3/1] w-full object-cover transition-transform duration-700 group-hover:scale-[1.015]"
                      />
                    </picture>
                  ) : (
                    <div aria-hidden="true" className="aspect-[3/1] w-full" />
                  )}
                  {(slide.title || slide.subtitle) && (
                    <>
                      {/* phones: the text under the picture, which stays whole */}
                      <div className="bg-[#0b3d3a] px-4 py-3 sm:hidden">
                        <p className="truncate font-bold text-base leading-tight">{slide.title}</p>
                        {slide.subtitle && <p className="mt-0.5 truncate text-sm text-white/85">{slide.subtitle}</p>}
                      </div>
                      <div className="absolute inset-0 hidden items-center bg-gradient-to-r from-black/65 via-black/25 to-transparent px-20 py-10 sm:flex lg:px-24">
                        <div className="max-w-xl">
                          <p className="text-balance font-extrabold text-3xl leading-tight tracking-tight drop-shadow lg:text-5xl">
                            {slide.title}
                          </p>
                          {slide.subtitle && <p className="mt-3 line-clamp-2 text-lg text-white/90 drop-shadow">{slide.subtitle}</p>}
                          {slide.linkUrl && (
                            <span className="mt-5 inline-flex items-center gap-1 rounded-full bg-accent px-4 py-2 font-semibold text-on-accent text-sm">
                              {t("carousel.shop")}
                              <ChevronRight aria-hidden="true" className="size-4" />
                            </span>
                          )}
                        </div>
                      </div>
                    </>
                  )}
                </SlideLink>
              </div>
            );
          })}
        </div>

        {count > 1 && (
          <>
            <button type="button" onClick={() => goTo(index - 1)} className={clsx(button, "left-3")} aria-label={t("carousel.previous")}>
              <ChevronLeft aria-hidden="true" className="size-6" />
            </button>
            <button type="button" onClick={() => goTo(index + 1)} className={clsx(button, "right-3")} aria-label={t("carousel.next")}>
              <ChevronRight aria-hidden="true" className="size-6" />
            </button>
          </>
        )}
      </div>
      {count > 1 && (
        <div className="mt-3 flex items-center justify-center gap-3">
          <button
            type="button"
            onClick={() => setPaused((p) => !p)}
            aria-pressed={paused || reducedMotion}
            disabled={reducedMotion}
            className="inline-flex size-8 items-center justify-center rounded-full text-muted hover:bg-surface-2 hover:text-fg disabled:hidden"
            aria-label={paused ? t("carousel.play") : t("carousel.pause")}
          >
            {paused ? <Play aria-hidden="true" className="size-4" /> : <Pause aria-hidden="true" className="size-4" />}
          </button>
          <div className="flex items-center gap-2">
            {slides.map((slide, i) => (
              <button
                key={slide.id}
                type="button"
                onClick={() => goTo(i)}
                aria-label={t("carousel.goTo", { n: i + 1, title: slide.title })}
                aria-current={i === index ? "true" : undefined}
                className="group inline-flex h-6 items-center px-0.5"
              >
                <span
                  aria-hidden="true"
                  className={clsx(
                    "block h-2 rounded-full transition-all",
                    i === index ? "w-7 bg-brand" : "w-2 bg-line-strong group-hover:bg-muted",
                  )}
                />
              </button>
            ))}
          </div>
        </div>
      )}
    </section>
  );
}
