// Small form controls of the catalog editor: labelled fields with their error, money inputs,
// chips (tags, option values) and character counters.

import clsx from "clsx";
import { X } from "lucide-react";
import { type ReactNode, useId, useState } from "react";
import { useT } from "../../i18n/index.ts";
import { tidyMoney } from "./product-form.ts";

/** A label, the control, an optional hint and the field's error (linked with aria-describedby). */
export function Field({
  id,
  label,
  hint,
  error,
  children,
  className,
  labelAside,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  className?: string;
  labelAside?: ReactNode;
}) {
  return (
    <div className={className}>
      <div className="mb-1.5 flex items-baseline justify-between gap-3">
        <label htmlFor={id} className="font-semibold text-sm">
          {label}
        </label>
        {labelAside}
      </div>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1.5 text-muted text-xs">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1.5 font-medium text-sale text-xs">
          {error}
        </p>
      )}
    </div>
  );
}

/** aria attributes for a control inside <Field>. */
export const describedBy = (id: string, error?: string, hint?: boolean) => ({
  "aria-invalid": error ? (true as const) : undefined,
  "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
});

/** "45 / 60": turns amber past the length search engines show. */
export function Counter({ length, ideal, id }: { length: number; ideal: number; id?: string }) {
  const t = useT();
  return (
    <span id={id} className={clsx("text-xs tabular-nums", length > ideal ? "font-semibold text-warn" : "text-muted")} aria-live="polite">
      {t("catalogadmin.counter", { length, ideal })}
    </span>
  );
}

/** A money amount typed the Turkish way ("1.234,56"), tidied when the field is left. */
export function MoneyInput({
  id,
  name,
  value,
  onChange,
  error,
  label,
  className,
  placeholder = "0,00",
  compact,
}: {
  id: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** For a field without a visible label (table cells). */
  label?: string;
  className?: string;
  placeholder?: string;
  /** Smaller text, for table cells. */
  compact?: boolean;
}) {
  return (
    <div className={clsx("relative", className)}>
      <input
        id={id}
        name={name}
        value={value}
        inputMode="decimal"
        autoComplete="off"
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={(e) => onChange(tidyMoney(e.target.value))}
        className={clsx("field h-10 pr-7 text-right tabular-nums", compact && "pl-2 text-sm", error && "border-sale")}
      />
      <span aria-hidden="true" className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-muted text-sm">
        ₺
      </span>
    </div>
  );
}

/**
 * Words as removable chips (tags, option values). Enter or a comma adds what was typed; Backspace
 * in the empty box removes the last chip. The chips travel as JSON in `name`, and whatever is
 * still in the box as `<name>Draft` (so a form sent without JavaScript keeps it too).
 */
export function ChipsInput({
  id,
  name,
  draftName,
  values,
  onChange,
  placeholder,
  label,
  max = 50,
  maxLength = 60,
  error,
}: {
  id: string;
  name: string;
  draftName: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  label: string;
  max?: number;
  maxLength?: number;
  error?: string;
}) {
  const t = useT();
  const [text, setText] = useState("");
  const hintId = useId();
  const add = (raw: string) => {
    const words = raw
      .split(",")
      .map((w) => w.trim().slice(0, maxLength))
      .filter(Boolean);
    if (words.length === 0) return;
    const next = [...values];
    for (const w of words)
      if (next.length < max && !next.some((v) => v.toLocaleLowerCase("tr-TR") === w.toLocaleLowerCase("tr-TR"))) next.push(w);
    onChange(next);
    setText("");
  };
  return (
    <div>
      <input type="hidden" name={name} value={JSON.stringify(values)} />
      <div
        className={clsx(
          "flex min-h-11 flex-wrap items-center gap-1.5 rounded-[0.625rem] border bg-surface px-2 py-1.5 focus-within:outline-2 focus-within:outline-[var(--ring)]",
          error ? "border-sale" : "border-line-strong",
        )}
      >
        <ul className="contents" aria-label={t("catalogadmin.chips.list", { label, count: values.length })}>
          {values.map((v) => (
            <li
              key={v}
              className="inline-flex items-center gap-1 rounded-full bg-brand-soft py-0.5 pr-1 pl-2.5 font-medium text-on-brand-soft text-sm"
            >
              {v}
              <button
                type="button"
                onClick={() => onChange(values.filter((x) => x !== v))}
                className="inline-flex size-5 items-center justify-center rounded-full hover:bg-black/10 dark:hover:bg-white/10"
              >
                <X aria-hidden="true" className="size-3.5" />
                <span className="sr-only">{t("catalogadmin.chips.remove", { value: v })}</span>
              </button>
            </li>
          ))}
        </ul>
        <input
          id={id}
          name={draftName}
          value={text}
          placeholder={values.length === 0 ? placeholder : undefined}
          aria-describedby={hintId}
          aria-invalid={error ? true : undefined}
          autoComplete="off"
          onChange={(e) => {
            const v = e.target.value;
            if (v.includes(",")) add(v);
            else setText(v);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              add(text);
            } else if (e.key === "Backspace" && text === "" && values.length > 0) {
              onChange(values.slice(0, -1));
            }
          }}
          onBlur={() => add(text)}
          className="h-8 min-w-32 flex-1 bg-transparent px-1 text-[0.9375rem] outline-none"
        />
      </div>
      <p id={hintId} className="mt-1 text-muted text-xs">
        {t("catalogadmin.chips.hint")}
      </p>
    </div>
  );
}

/** A card section of the editor with a heading. */
export function Section({
  title,
  description,
  children,
  aside,
  id,
  className,
}: {
  title: string;
  description?: string;
  children: ReactNode;
  aside?: ReactNode;
  id: string;
  className?: string;
}) {
  return (
    <section aria-labelledby={id} className={clsx("rounded-2xl border border-line bg-surface p-5 sm:p-6", className)}>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id={id} className="font-semibold text-base">
            {title}
          </h2>
          {description && <p className="mt-0.5 text-muted text-sm">{description}</p>}
        </div>
        {aside}
      </div>
      {children}
    </section>
  );
}
