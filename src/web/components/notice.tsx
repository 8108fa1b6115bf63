import clsx from "clsx";
import { CircleAlert, CircleCheck, Info } from "lucide-react";

/** A message after a form was sent or about the page's state: error (alert), success or info (status). */
export function Notice({ tone, children, id }: { tone: "error" | "success" | "info"; children: React.ReactNode; id?: string }) {
  const Icon = tone === "error" ? CircleAlert : tone === "success" ? CircleCheck : Info;
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={clsx(
        "flex gap-2.5 rounded-xl border px-4 py-3 text-sm",
        tone === "error" && "border-sale/30 bg-sale-soft text-sale",
        tone === "success" && "border-ok/30 bg-ok/10 text-fg",
        tone === "info" && "border-line bg-surface-2 text-fg",
      )}
    >
      <Icon aria-hidden="true" className={clsx("mt-0.5 size-4 shrink-0", tone === "success" && "text-ok")} />
      <div className="min-w-0 font-medium">{children}</div>
    </div>
  );
}
