// A legal text (pre-information form, distance sales contract) in a scrollable, keyboard-focusable
// box. The HTML comes from the server's renderLegalHtml, which escapes every value; its type size
// (16 px, the minimum for consumer contracts) is kept.

import clsx from "clsx";
import { FileText } from "lucide-react";
import { useT } from "../../i18n/index.ts";
import type { LegalText } from "../../services/checkout.ts";

export function LegalTextBox({ doc, busy = false }: { doc: LegalText; busy?: boolean }) {
  const t = useT();
  const headingId = `legal-${doc.kind}-title`;
  return (
    <div className="min-w-0">
      <h3 id={headingId} className="mb-2 flex items-center gap-2 font-semibold text-sm">
        <FileText aria-hidden="true" className="size-4 text-muted" />
        {doc.title}
      </h3>
      {/* Paper-white in both themes: the document is styled for print colours. */}
      <section
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it
        tabIndex={0}
        aria-label={t("checkout.legalRegion", { title: doc.title })}
        aria-busy={busy}
        data-testid={`legal-${doc.kind}`}
        className={clsx(
          "legal-text h-64 overflow-y-auto overscroll-contain rounded-xl border border-line-strong bg-white px-4 py-3 text-stone-900 sm:h-72",
          busy && "opacity-60",
        )}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered legal text, every value escaped by renderLegalHtml
        dangerouslySetInnerHTML={{ __html: doc.html }}
      />
    </div>
  );
}
