import clsx from "clsx";
import { FolderOpen, Search } from "lucide-react";
import { type KeyboardEvent, useEffect, useId, useRef, useState } from "react";
import { Form, useLocation, useNavigate, useSearchParams } from "react-router";
import type { Suggestions } from "../../modules/search/suggest.ts";
import { useLocale, useT } from "../i18n/index.ts";
import { useMoney } from "../lib/format.ts";

/** Characters typed before suggestions are fetched. */
const MIN_LENGTH = 2;
const DEBOUNCE_MS = 150;

interface Option {
  id: string;
  href: string;
  group: "term" | "category" | "product" | "all";
}

const searchHref = (q: string) => `/ara?q=${encodeURIComponent(q)}`;

/** A labelled group of options inside the listbox. */
function OptionGroup({ label, labelId, children }: { label: string; labelId: string; children: React.ReactNode }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: an ARIA listbox group, not a form fieldset
    <div role="group" aria-labelledby={labelId}>
      <div role="presentation" id={labelId} className="px-3 pt-2 pb-1 font-semibold text-[0.6875rem] text-muted uppercase tracking-wider">
        {label}
      </div>
      {children}
    </div>
  );
}

/** Suggestions already fetched this visit, by locale and query. */
const memory = new Map<string, Suggestions>();

/**
 * The header search box: a plain GET form to /ara (works without JavaScript), enhanced into an
 * ARIA 1.2 combobox with a listbox of suggestions (products, categories, searches) fetched as
 * the shopper types. Arrow keys move through the options, Enter opens one, Escape closes the list.
 */
export function SearchSuggest({ id, className }: { id: string; className?: string }) {
  const t = useT();
  const locale = useLocale();
  const money = useMoney();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const current = location.pathname === "/ara" ? (params.get("q") ?? "") : "";
  const [value, setValue] = useState(current);
  const [data, setData] = useState<Suggestions | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const rootRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = (i: number) => `${listId}-o${i}`;

  // A new page (or a search from elsewhere) resets the box.
  useEffect(() => {
    setValue(current);
    setOpen(false);
    setActive(-1);
  }, [current]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close on every navigation
  useEffect(() => setOpen(false), [location.pathname, location.search]);

  const query = value.trim();
  useEffect(() => {
    if (query.length < MIN_LENGTH) {
      setData(null);
      return;
    }
    const key = `${locale}:${query.toLocaleLowerCase("tr-TR")}`;
    const known = memory.get(key);
    if (known) {
      setData(known);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const res = await fetch(`/api/v1/search/suggestions?q=${encodeURIComponent(query)}&locale=${locale}`, {
          signal: controller.signal,
          headers: { accept: "application/json" },
        });
        if (!res.ok) return;
        const body = (await res.json()) as Suggestions;
        if (memory.size > 200) memory.clear();
        memory.set(key, body);
        setData(body);
        setActive(-1);
      } catch {
        // aborted or offline: keep what is shown
      }
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, locale]);

  // Close when focus or a click goes elsewhere.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);

  const shown = data && query.length >= MIN_LENGTH ? data : null;
  const options: Option[] = [];
  if (shown) {
    for (const term of shown.terms) options.push({ id: optionId(options.length), href: searchHref(term), group: "term" });
    for (const c of shown.categories) options.push({ id: optionId(options.length), href: `/kategori/${c.slug}`, group: "category" });
    for (const p of shown.products) options.push({ id: optionId(options.length), href: `/urun/${p.slug}`, group: "product" });
    options.push({ id: optionId(options.length), href: searchHref(shown.corrected ?? query), group: "all" });
  }
  const expanded = open && options.length > 0;
  const activeOption = expanded && active >= 0 ? options[active] : undefined;
  // Keep the option chosen with the keyboard in view.
  const activeId = activeOption?.id;
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: "nearest" });
  }, [activeId]);

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    inputRef.current?.blur();
    navigate(href);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (options.length === 0) return;
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === "ArrowDown" ? 0 : options.length - 1);
        return;
      }
      const step = event.key === "ArrowDown" ? 1 : -1;
      // Past either end the focus goes back to the text (-1).
      setActive((i) => {
        const next = i + step;
        return next < -1 ? options.length - 1 : next >= options.length ? -1 : next;
      });
    } else if (event.key === "Enter" && activeOption) {
      event.preventDefault();
      go(activeOption.href);
    } else if (event.key === "Escape") {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (value) {
        event.preventDefault();
        setValue("");
      }
    }
  };

  let index = 0;
  const optionProps = (group: Option["group"]) => {
    const i = index++;
    const option = options[i] as Option;
    return {
      id: option.id,
      role: "option" as const,
      "aria-selected": i === active,
      "data-group": group,
      // Keep the focus in the input while clicking.
      onMouseDown: (event: React.MouseEvent) => event.preventDefault(),
      onClick: () => go(option.href),
      onMouseMove: () => i !== active && setActive(i),
      className: clsx(
        "flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2 text-sm",
        i === active ? "bg-brand-soft text-on-brand-soft" : "text-fg hover:bg-surface-2",
      ),
    };
  };

  return (
    <Form
      ref={rootRef}
      method="get"
      action="/ara"
      role="search"
      className={clsx("relative", className)}
      onSubmit={() => {
        setOpen(false);
        inputRef.current?.blur();
      }}
    >
      <label htmlFor={id} className="sr-only">
        {t("header.searchLabel")}
      </label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        name="q"
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={(event) => {
          if (!rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeOption?.id}
        placeholder={t("header.searchPlaceholder")}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="search"
        maxLength={120}
        className="h-11 w-full rounded-xl border border-transparent bg-surface-2 pr-14 pl-4 text-[0.9375rem] text-fg placeholder:text-muted focus:border-brand focus:bg-surface focus:outline-none focus:ring-4 focus:ring-brand/15"
      />
      <button
        type="submit"
        className="absolute top-1 right-1 inline-flex h-9 w-11 items-center justify-center rounded-lg bg-brand text-on-brand hover:bg-brand-hover"
      >
        <Search aria-hidden="true" className="size-[1.125rem]" />
        <span className="sr-only">{t("header.searchSubmit")}</span>
      </button>
      <div
        id={listId}
        role="listbox"
        aria-label={t("header.searchLabel")}
        hidden={!expanded}
        className="absolute inset-x-0 top-full z-50 mt-2 max-h-[min(32rem,70vh)] overflow-y-auto rounded-xl border border-line bg-surface p-1.5 shadow-pop"
      >
        {shown && (
          <>
            {shown.corrected && (
              <div role="presentation" className="px-3 pt-2 pb-1 text-muted text-xs">
                {t("search.didYouMean")} <strong className="text-fg">{shown.corrected}</strong>
              </div>
            )}
            {shown.terms.length > 0 && (
              <OptionGroup label={t("suggest.searches")} labelId={`${listId}-g-terms`}>
                {shown.terms.map((term) => (
                  <div key={term} {...optionProps("term")}>
                    <Search aria-hidden="true" className="size-4 shrink-0 text-muted" />
                    <span className="truncate">{term}</span>
                  </div>
                ))}
              </OptionGroup>
            )}
            {shown.categories.length > 0 && (
              <OptionGroup label={t("suggest.categories")} labelId={`${listId}-g-categories`}>
                {shown.categories.map((c) => (
                  <div key={c.slug} {...optionProps("category")}>
                    <FolderOpen aria-hidden="true" className="size-4 shrink-0 text-muted" />
                    <span className="truncate">{c.name}</span>
                    {c.count > 0 && (
                      <span className="ml-auto shrink-0 text-muted text-xs">{t("suggest.categoryCount", { count: c.count })}</span>
                    )}
                  </div>
                ))}
              </OptionGroup>
            )}
            {shown.products.length > 0 && (
              <OptionGroup label={t("suggest.products")} labelId={`${listId}-g-products`}>
                {shown.products.map((p) => (
                  <div key={p.slug} {...optionProps("product")}>
                    <span className="size-10 shrink-0 overflow-hidden rounded-md bg-surface-2">
                      {p.image && (
                        <img
                          src={p.image.src}
                          srcSet={p.image.srcSet}
                          sizes="40px"
                          alt=""
                          width={40}
                          height={40}
                          loading="lazy"
                          className="size-full object-cover"
                        />
                      )}
                    </span>
                    <span className="min-w-0 flex-1">
                      <span className="block truncate">{p.title}</span>
                      {p.brand && <span className="block truncate text-muted text-xs">{p.brand}</span>}
                    </span>
                    <span className="shrink-0 font-semibold tabular-nums">{money(p.price, p.currency)}</span>
                  </div>
                ))}
              </OptionGroup>
            )}
            <div {...optionProps("all")}>
              <span className="font-semibold text-brand">{t("suggest.seeAll", { query: shown.corrected ?? query })}</span>
            </div>
          </>
        )}
      </div>
      <p aria-live="polite" className="sr-only">
        {open && shown ? (options.length > 1 ? t("suggest.status", { count: options.length - 1 }) : t("suggest.none")) : ""}
      </p>
    </Form>
  );
}
