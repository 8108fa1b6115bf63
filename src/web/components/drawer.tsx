import { Menu, X } from "lucide-react";
import { type ReactNode, type RefObject, useEffect, useId, useRef } from "react";
import { useLocation } from "react-router";

export interface DrawerProps {
  /** Screen-reader labels of the open and close buttons. */
  openLabel: string;
  closeLabel: string;
  /** Heading of the panel (also its accessible name). */
  title: ReactNode;
  openButtonClassName: string;
  menuIconClassName: string;
  /** Visible content of the open button instead of the menu icon (then `openLabel` is its accessible name). */
  openContent?: ReactNode;
  panelClassName: string;
  headerClassName: string;
  titleClassName: string;
  children: ReactNode;
  /** The <dialog>, for opening it from elsewhere (e.g. the mini-cart after "add to cart"). */
  dialogRef?: RefObject<HTMLDialogElement | null>;
  /** Called when the open button opens the drawer. */
  onOpen?: () => void;
}

/**
 * A side drawer for small screens: a modal <dialog> (focus trap and Escape for free) opened by a
 * menu button, closed by its close button, a click on the backdrop, or navigating to a page.
 */
export function Drawer(props: DrawerProps) {
  const own = useRef<HTMLDialogElement>(null);
  const ref = props.dialogRef ?? own;
  const location = useLocation();
  const titleId = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer whenever the page changes
  useEffect(() => {
    ref.current?.close();
  }, [location.pathname, location.search]);

  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={props.openContent ? props.openLabel : undefined}
        onClick={() => {
          ref.current?.showModal();
          props.onOpen?.();
        }}
        className={props.openButtonClassName}
      >
        {props.openContent ?? (
          <>
            <Menu aria-hidden="true" className={props.menuIconClassName} />
            <span className="sr-only">{props.openLabel}</span>
          </>
        )}
      </button>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop closes the dialog; Escape does the same natively */}
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        onClick={(event) => {
          if (event.target === ref.current) ref.current?.close();
        }}
        className={props.panelClassName}
      >
        <div className={props.headerClassName}>
          <h2 id={titleId} className={props.titleClassName}>
            {props.title}
          </h2>
          <button
            type="button"
            onClick={() => ref.current?.close()}
            className="inline-flex size-10 items-center justify-center rounded-lg hover:bg-surface-2"
          >
            <X aria-hidden="true" className="size-5" />
            <span className="sr-only">{props.closeLabel}</span>
          </button>
        </div>
        {props.children}
      </dialog>
    </>
  );
}
