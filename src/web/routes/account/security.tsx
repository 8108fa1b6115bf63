// Placeholder: replaced by the page itself.
export default function SecurityPage() {
  return null;
}
