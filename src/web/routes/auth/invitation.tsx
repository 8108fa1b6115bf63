// Placeholder: replaced by the page itself.
export default function InvitationPage() {
  return null;
}
