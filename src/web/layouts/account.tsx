import { Outlet } from "react-router";

// Placeholder: the My account layout (side navigation, sign-in required) replaces this.
export default function AccountLayout() {
  return <Outlet />;
}
