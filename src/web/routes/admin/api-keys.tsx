// Placeholder: replaced by the page itself.
export default function ApiKeysPage() {
  return null;
}
