// Placeholder: replaced by the page itself.
export default function SignInPage() {
  return null;
}
