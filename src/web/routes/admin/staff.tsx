// Placeholder: replaced by the page itself.
export default function StaffPage() {
  return null;
}
