// Placeholder: replaced by the page itself.
export default function TwoFactorPage() {
  return null;
}
