// Placeholder: replaced by the page itself.
export default function SignOutPage() {
  return null;
}
