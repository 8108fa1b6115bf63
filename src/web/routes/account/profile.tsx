// Placeholder: replaced by the page itself.
export default function ProfilePage() {
  return null;
}
