// Placeholder: replaced by the page itself.
export default function CustomersPage() {
  return null;
}
