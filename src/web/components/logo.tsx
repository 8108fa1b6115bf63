import clsx from "clsx";

/** The store's word mark with a small caravan-arch glyph in the brand colour. */
export function Logo({ name, className }: { name: string; className?: string }) {
  return (
    <span className={clsx("inline-flex min-w-0 items-center gap-2", className)}>
      <svg aria-hidden="true" viewBox="0 0 32 32" className="size-8 shrink-0">
        <rect width="32" height="32" rx="9" className="fill-brand" />
        <path d="M8 23V15a8 8 0 0 1 16 0v8" fill="none" strokeWidth="3" strokeLinecap="round" className="stroke-on-brand" />
        <path d="M12.5 23v-6.5a3.5 3.5 0 0 1 7 0V23" fill="none" strokeWidth="3" strokeLinecap="round" className="stroke-accent" />
      </svg>
      <span className="truncate font-extrabold text-base text-fg tracking-tight min-[400px]:text-lg sm:text-[1.375rem]">{name}</span>
    </span>
  );
}
