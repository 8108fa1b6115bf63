import clsx from "clsx";
import { TriangleAlert } from "lucide-react";
import { type ReactNode, useEffect, useId, useRef } from "react";
import { useT } from "../../i18n/index.ts";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Red confirm button for deletions. */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A small modal question with Cancel and a confirm button (the browser's <dialog>: focus stays
 * inside, Escape cancels). Focus starts on Cancel, so Enter never confirms by accident.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, danger, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  const onCancelRef = useRef(onCancel);
  onCancelRef.current = onCancel;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const cancel = (event: Event) => {
      event.preventDefault();
      onCancelRef.current();
    };
    dialog.addEventListener("cancel", cancel);
    return () => dialog.removeEventListener("cancel", cancel);
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-2xl border border-line bg-surface p-0 text-fg shadow-pop backdrop:bg-black/60"
    >
      {open && (
        <div className="p-5 sm:p-6">
          <div className="flex gap-3">
            {danger && (
              <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-sale-soft text-sale">
                <TriangleAlert aria-hidden="true" className="size-5" />
              </span>
            )}
            <div className="min-w-0">
              <h2 id={titleId} className="font-bold text-lg leading-snug">
                {title}
              </h2>
              {children && (
                <div id={bodyId} className="mt-2 text-muted text-sm">
                  {children}
                </div>
              )}
            </div>
          </div>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <button ref={cancelRef} type="button" onClick={onCancel} className="btn btn-secondary h-10">
              {t("catalogadmin.cancel")}
            </button>
            <button
              type="button"
              onClick={onConfirm}
              disabled={busy}
              className={clsx("btn h-10 disabled:opacity-60", danger ? "bg-sale-badge text-white hover:brightness-110" : "btn-primary")}
            >
              {confirmLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
