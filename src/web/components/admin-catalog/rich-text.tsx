import clsx from "clsx";
import { Bold, Italic, Link2, List, ListOrdered, Pilcrow, Unlink } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useT } from "../../i18n/index.ts";

/**
 * A small rich-text editor for product descriptions: bold, italic, lists and links on a
 * contenteditable area; the HTML travels in a hidden field named `name` (the server sanitises
 * it). Without JavaScript it is a plain textarea (paragraphs or HTML).
 */
export function RichTextEditor({
  id,
  name,
  value,
  onChange,
  label,
  error,
  minHeight = "12rem",
}: {
  id: string;
  name: string;
  value: string;
  onChange: (html: string) => void;
  label: string;
  error?: string;
  minHeight?: string;
}) {
  const t = useT();
  const [enhanced, setEnhanced] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const saved = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [href, setHref] = useState("https://");
  const [active, setActive] = useState<Record<string, boolean>>({});

  useEffect(() => setEnhanced(true), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the area is filled once; afterwards it is the source of truth
  useEffect(() => {
    if (enhanced && area.current) area.current.innerHTML = value;
  }, [enhanced]);

  useEffect(() => {
    if (!enhanced) return;
    const update = () => {
      const selection = document.getSelection();
      if (!selection || !area.current?.contains(selection.anchorNode)) return;
      setActive({
        bold: document.queryCommandState("bold"),
        italic: document.queryCommandState("italic"),
        insertUnorderedList: document.queryCommandState("insertUnorderedList"),
        insertOrderedList: document.queryCommandState("insertOrderedList"),
      });
    };
    document.addEventListener("selectionchange", update);
    return () => document.removeEventListener("selectionchange", update);
  }, [enhanced]);

  const sync = () => {
    const html = area.current?.innerHTML ?? "";
    onChange(html === "<br>" ? "" : html);
  };
  const run = (command: string, arg?: string) => {
    area.current?.focus();
    document.execCommand(command, false, arg);
    sync();
  };
  const rememberSelection = () => {
    const selection = document.getSelection();
    saved.current = selection && selection.rangeCount > 0 && area.current?.contains(selection.anchorNode) ? selection.getRangeAt(0) : null;
  };
  const addLink = () => {
    const url = href.trim();
    setLinking(false);
    if (!/^(https?:\/\/|mailto:|tel:|\/)/i.test(url) || url === "https://") return;
    area.current?.focus();
    const selection = document.getSelection();
    if (saved.current && selection) {
      selection.removeAllRanges();
      selection.addRange(saved.current);
    }
    if (selection?.isCollapsed) {
      const safe = url.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
      document.execCommand("insertHTML", false, `<a href="${safe}">${safe}</a>`);
    } else document.execCommand("createLink", false, url);
    sync();
  };

  if (!enhanced) {
    return (
      <textarea
        id={id}
        name={name}
        defaultValue={value}
        rows={8}
        aria-invalid={error ? true : undefined}
        className="field font-mono text-sm"
      />
    );
  }

  const tools = [
    { command: "bold", icon: Bold, label: t("catalogadmin.editor.bold"), shortcut: "Ctrl+B" },
    { command: "italic", icon: Italic, label: t("catalogadmin.editor.italic"), shortcut: "Ctrl+I" },
    { command: "insertUnorderedList", icon: List, label: t("catalogadmin.editor.bulletList") },
    { command: "insertOrderedList", icon: ListOrdered, label: t("catalogadmin.editor.numberedList") },
  ];
  const button =
    "inline-flex size-8 items-center justify-center rounded-md text-fg hover:bg-surface-2 aria-pressed:bg-brand-soft aria-pressed:text-on-brand-soft";
  return (
    <div className={clsx("overflow-hidden rounded-[0.625rem] border bg-surface", error ? "border-sale" : "border-line-strong")}>
      <input type="hidden" name={name} value={value} />
      <div
        role="toolbar"
        aria-label={t("catalogadmin.editor.toolbar")}
        aria-controls={id}
        className="flex flex-wrap items-center gap-0.5 border-line border-b bg-surface-2/60 px-1.5 py-1"
      >
        {tools.map((tool) => (
          <button
            key={tool.command}
            type="button"
            title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
            aria-pressed={active[tool.command] === true}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(tool.command)}
            className={button}
          >
            <tool.icon aria-hidden="true" className="size-4" />
            <span className="sr-only">{tool.label}</span>
          </button>
        ))}
        <span aria-hidden="true" className="mx-1 h-5 w-px bg-line" />
        <button
          type="button"
          title={t("catalogadmin.editor.link")}
          onMouseDown={(e) => {
            e.preventDefault();
            rememberSelection();
          }}
          onClick={() => {
            setHref("https://");
            setLinking((v) => !v);
          }}
          aria-expanded={linking}
          className={button}
        >
          <Link2 aria-hidden="true" className="size-4" />
          <span className="sr-only">{t("catalogadmin.editor.link")}</span>
        </button>
        <button
          type="button"
          title={t("catalogadmin.editor.unlink")}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => run("unlink")}
          className={button}
        >
          <Unlink aria-hidden="true" className="size-4" />
          <span className="sr-only">{t("catalogadmin.editor.unlink")}</span>
        </button>
        <button
          type="button"
          title={t("catalogadmin.editor.clear")}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            run("removeFormat");
            run("formatBlock", "p");
          }}
          className={button}
        >
          <Pilcrow aria-hidden="true" className="size-4" />
          <span className="sr-only">{t("catalogadmin.editor.clear")}</span>
        </button>
      </div>
      {linking && (
        <div className="flex flex-wrap items-center gap-2 border-line border-b px-3 py-2">
          <label htmlFor={`${id}-href`} className="font-medium text-sm">
            {t("catalogadmin.editor.linkAddress")}
          </label>
          <input
            id={`${id}-href`}
            type="url"
            value={href}
            // biome-ignore lint/a11y/noAutofocus: opened on purpose by the person to type the address
            autoFocus
            onChange={(e) => setHref(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addLink();
              } else if (e.key === "Escape") {
                e.preventDefault();
                setLinking(false);
              }
            }}
            className="field h-9 min-w-0 flex-1 py-0 text-sm"
          />
          <button type="button" onClick={addLink} className="btn btn-primary h-9 px-3 text-sm">
            {t("catalogadmin.editor.addLink")}
          </button>
        </div>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text area has no native element */}
      <div
        id={id}
        ref={area}
        role="textbox"
        tabIndex={0}
        aria-multiline="true"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        contentEditable
        suppressContentEditableWarning
        onInput={sync}
        onBlur={sync}
        style={{ minHeight }}
        className="prose-description max-w-none px-3.5 py-3 text-[0.9375rem] leading-relaxed outline-none [&_a]:text-brand [&_a]:underline [&_li]:my-0.5 [&_ol]:list-decimal [&_ol]:pl-6 [&_p]:my-2 [&_ul]:list-disc [&_ul]:pl-6"
      />
    </div>
  );
}
