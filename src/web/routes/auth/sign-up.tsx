// Placeholder: replaced by the page itself.
export default function SignUpPage() {
  return null;
}
