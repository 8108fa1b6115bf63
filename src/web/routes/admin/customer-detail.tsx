// Placeholder: replaced by the page itself.
export default function CustomerDetailPage() {
  return null;
}
