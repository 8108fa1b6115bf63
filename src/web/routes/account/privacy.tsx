// Placeholder: replaced by the page itself.
export default function PrivacyPage() {
  return null;
}
