import { data } from "react-router";
import { StoreError } from "../components/store-error.tsx";

// Any unknown storefront path: a real 404 status, rendered inside the store layout.
export function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <StoreError />;
}
