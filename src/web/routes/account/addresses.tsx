// Placeholder: replaced by the page itself.
export default function AddressesPage() {
  return null;
}
