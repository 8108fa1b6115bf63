// Placeholder: replaced by the page itself.
export default function ForgotPasswordPage() {
  return null;
}
