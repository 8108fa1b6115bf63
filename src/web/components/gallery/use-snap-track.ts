import { useCallback, useEffect, useRef, useState } from "react";

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

/**
 * A horizontal scroll-snap track of full-width slides: native touch swipe and momentum, with the
 * current slide index following the scroll position and `goTo(i)` for buttons and keys.
 */
export function useSnapTrack(count: number, initial = 0) {
  const ref = useRef<HTMLElement>(null);
  const [index, setIndex] = useState(() => clamp(initial, 0, Math.max(count - 1, 0)));
  // While a programmatic scroll runs, the index already points at its target.
  const pending = useRef<{ target: number; timer: ReturnType<typeof setTimeout> } | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const settle = () => {
      const width = el.clientWidth;
      if (width <= 0) return;
      const at = clamp(Math.round(el.scrollLeft / width), 0, Math.max(count - 1, 0));
      const wait = pending.current;
      if (wait) {
        if (Math.abs(el.scrollLeft - wait.target * width) > 2) return;
        clearTimeout(wait.timer);
        pending.current = null;
      }
      setIndex(at);
    };
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(settle);
    };
    const onScrollEnd = () => {
      if (pending.current) {
        clearTimeout(pending.current.timer);
        pending.current = null;
      }
      settle();
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    el.addEventListener("scrollend", onScrollEnd);
    return () => {
      el.removeEventListener("scroll", onScroll);
      el.removeEventListener("scrollend", onScrollEnd);
      cancelAnimationFrame(frame);
    };
  }, [count]);

  useEffect(() => () => clearTimeout(pending.current?.timer), []);

  const goTo = useCallback(
    (next: number, behavior: "smooth" | "instant" = "smooth") => {
      const el = ref.current;
      const target = clamp(next, 0, Math.max(count - 1, 0));
      setIndex(target);
      if (!el) return;
      if (pending.current) clearTimeout(pending.current.timer);
      pending.current = {
        target,
        // Give up waiting when the scroll is interrupted (a swipe during the animation).
        timer: setTimeout(() => {
          pending.current = null;
        }, 800),
      };
      el.scrollTo({ left: target * el.clientWidth, behavior: prefersReducedMotion() ? "instant" : behavior });
    },
    [count],
  );

  return { ref, index, goTo };
}
