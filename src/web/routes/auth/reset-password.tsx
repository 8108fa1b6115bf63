// Placeholder: replaced by the page itself.
export default function ResetPasswordPage() {
  return null;
}
