import { Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Form, useSubmit } from "react-router";
import { useT } from "../../i18n/index.ts";
import { Notice } from "../notice.tsx";
import { ConfirmDialog } from "./confirm-dialog.tsx";
import { IconButton } from "./specs-editor.tsx";

/** The posted form of a catalog admin page's action: its `intent`, the `id` it acts on, and trimmed text fields. */
export async function readActionForm(request: Request) {
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const text = (name: string) => String(form.get(name) ?? "").trim();
  return { form, intent, text, id: text("id") };
}

/** The outcome of the last action, announced politely: `success` for a change that went through, else the refusal. */
export function ActionNotice<R extends { ok: boolean; message?: string }>({
  result,
  success,
}: {
  result: R | undefined;
  success: (result: R) => string;
}) {
  return (
    <div className="mb-4 empty:hidden" aria-live="polite">
      {result && (result.ok ? <Notice tone="success">{success(result)}</Notice> : <Notice tone="error">{result.message}</Notice>)}
    </div>
  );
}

/** A delete form waiting for the admin's confirmation, and the name of what it deletes. */
export type PendingDelete = { form: FormData; name: string };

/** A row's delete button: posts `intent=delete`, `id` and `name`, after `onDelete` has asked (see DeleteConfirmDialog). */
export function DeleteForm({
  id,
  name,
  busy,
  className,
  blockedTitle,
  onDelete,
}: {
  id: string;
  name: string;
  busy: boolean;
  className?: string;
  /** Shown on hover when the service will refuse the deletion. */
  blockedTitle?: string;
  onDelete: (form: FormData, name: string) => void;
}) {
  const t = useT();
  return (
    <Form
      method="post"
      preventScrollReset
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        onDelete(new FormData(event.currentTarget), name);
      }}
    >
      <input type="hidden" name="intent" value="delete" />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="name" value={name} />
      <span className="inline-flex" title={blockedTitle}>
        <IconButton type="submit" danger label={t("catalogadmin.deleteName", { name })} disabled={busy}>
          <Trash2 aria-hidden="true" className="size-4" />
        </IconButton>
      </span>
    </Form>
  );
}

/** Asks before a pending delete form is posted; closing it (either way) calls `onClose`. */
export function DeleteConfirmDialog({
  pending,
  title,
  children,
  onClose,
}: {
  pending: PendingDelete | null;
  title: string;
  children: ReactNode;
  onClose: () => void;
}) {
  const t = useT();
  const submit = useSubmit();
  return (
    <ConfirmDialog
      open={pending !== null}
      danger
      title={title}
      confirmLabel={t("catalogadmin.delete")}
      onCancel={onClose}
      onConfirm={() => {
        if (pending) submit(pending.form, { method: "post", preventScrollReset: true });
        onClose();
      }}
    >
      {children}
    </ConfirmDialog>
  );
}
