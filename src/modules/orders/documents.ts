// PDFs of an order: the legal texts exactly as confirmed (from their frozen snapshot), the invoice
// and the packing slip (from the order as it is now).

import { buildDocumentData } from "../checkout/documents.ts";
import type { LegalDocument } from "../documents/legal.ts";
import type { Tenant } from "../tenants/schema.ts";
import type { orderDocuments } from "./schema.ts";
import type { OrderDetail } from "./service.ts";

function dataOf(detail: OrderDetail, tenant: Pick<Tenant, "name" | "profile">) {
  return buildDocumentData({
    order: detail.order,
    lines: detail.lines,
    tenant,
    deliveryDays: [1, 3],
  });
}

export async function renderStoredDocumentPdf(
  doc: typeof orderDocuments.$inferSelect,
  detail: OrderDetail,
  tenant: Pick<Tenant, "name" | "profile">,
): Promise<Buffer> {
  const { renderLegalPdf } = await import("../documents/pdf.ts");
  return renderLegalPdf(doc.content as unknown as LegalDocument, dataOf(detail, tenant));
}

export async function renderInvoice(detail: OrderDetail, tenant: Pick<Tenant, "name" | "profile">): Promise<Buffer> {
  const { renderInvoicePdf } = await import("../documents/pdf.ts");
  return renderInvoicePdf({ ...dataOf(detail, tenant), invoiceNumber: `F${detail.order.number}` });
}

export async function renderPackingSlip(detail: OrderDetail, tenant: Pick<Tenant, "name" | "profile">): Promise<Buffer> {
  const { renderPackingSlipPdf } = await import("../documents/pdf.ts");
  return renderPackingSlipPdf(dataOf(detail, tenant));
}
