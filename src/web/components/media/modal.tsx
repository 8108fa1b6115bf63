import clsx from "clsx";
import { X } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useT } from "../../i18n/index.ts";

export interface ModalProps {
  open: boolean;
  /** Called when the person closes it (close button, Escape, a click on the backdrop). */
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  size?: "md" | "lg" | "xl";
  children: ReactNode;
  /** Buttons pinned under the content. */
  footer?: ReactNode;
  testId?: string;
}

const WIDTHS = { md: "sm:max-w-lg", lg: "sm:max-w-3xl", xl: "sm:max-w-5xl" } as const;

/**
 * A modal <dialog> (the browser traps focus, Escape closes it and the page behind is inert),
 * full screen on phones. Its content is only rendered while it is open. It is portalled to <body>
 * and stops submit events, so it may be used inside another form (the product editor) without
 * its own forms and inputs sending that form.
 */
export function Modal({ open, onClose, title, description, size = "md", children, footer, testId }: ModalProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  const [mounted, setMounted] = useState(false);
  // content is rendered once the dialog is shown, so that it measures a laid-out box (the cropper)
  const [shown, setShown] = useState(false);
  useEffect(() => setMounted(true), []);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  // closed because `open` became false: not the person's doing, so no onClose
  const closingByProp = useRef(false);
  const downOnBackdrop = useRef(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the dialog element exists once mounted
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) {
      closingByProp.current = true;
      dialog.close();
    }
    setShown(open);
  }, [open, mounted]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the dialog element exists once mounted
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const closed = () => {
      setShown(false);
      if (closingByProp.current) closingByProp.current = false;
      else onCloseRef.current();
    };
    dialog.addEventListener("close", closed);
    return () => dialog.removeEventListener("close", closed);
  }, [mounted]);

  if (!mounted) return null;
  return createPortal(
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes the dialog; Escape does the same natively
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      data-testid={testId}
      onPointerDown={(event) => {
        downOnBackdrop.current = event.target === ref.current;
      }}
      onClick={(event) => {
        // only a click that started on the backdrop (not a drag out of the cropper)
        if (event.target === ref.current && downOnBackdrop.current) ref.current?.close();
      }}
      onSubmit={(event) => event.stopPropagation()}
      className={clsx(
        "m-0 h-dvh max-h-none w-full max-w-none bg-surface p-0 text-fg shadow-pop backdrop:bg-black/60 open:flex open:flex-col",
        "sm:m-auto sm:h-fit sm:max-h-[calc(100dvh-3rem)] sm:rounded-2xl sm:border sm:border-line",
        WIDTHS[size],
      )}
    >
      {open && shown && (
        <>
          <header className="flex items-start gap-3 border-line border-b px-5 py-4">
            <div className="min-w-0 flex-1">
              <h2 id={titleId} className="truncate font-bold text-lg">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-0.5 text-muted text-sm">
                  {description}
                </p>
              )}
            </div>
            <button
              type="button"
              onClick={() => ref.current?.close()}
              className="-mr-2 inline-flex size-10 shrink-0 items-center justify-center rounded-lg hover:bg-surface-2"
            >
              <X aria-hidden="true" className="size-5" />
              <span className="sr-only">{t("media.close")}</span>
            </button>
          </header>
          <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer && <footer className="flex items-center justify-end gap-2 border-line border-t px-5 py-3">{footer}</footer>}
        </>
      )}
    </dialog>,
    document.body,
  );
}
