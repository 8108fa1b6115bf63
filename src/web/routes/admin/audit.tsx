// Placeholder: replaced by the page itself.
export default function AuditPage() {
  return null;
}
