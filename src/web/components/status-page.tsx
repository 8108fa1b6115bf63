import { House, SearchX } from "lucide-react";
import { Link } from "react-router";

export function StatusPage({
  code,
  title,
  text,
  homeLabel,
  homeTo = "/",
  children,
}: {
  code: number;
  title: string;
  text: string;
  homeLabel: string;
  homeTo?: string;
  children?: React.ReactNode;
}) {
  return (
    <section className="mx-auto flex max-w-xl flex-col items-center py-10 text-center" aria-labelledby="status-title">
      <div className="mb-6 flex size-20 items-center justify-center rounded-full bg-brand-soft text-on-brand-soft">
        <SearchX aria-hidden="true" className="size-9" />
      </div>
      <p className="font-semibold text-brand text-sm tracking-wide">{code}</p>
      <h1 id="status-title" className="mt-2 font-bold text-2xl tracking-tight sm:text-3xl">
        {title}
      </h1>
      <p className="mt-3 text-muted">{text}</p>
      <div className="mt-8 flex flex-wrap items-center justify-center gap-3">
        <Link to={homeTo} className="btn btn-primary">
          <House aria-hidden="true" className="size-4" />
          {homeLabel}
        </Link>
        {children}
      </div>
    </section>
  );
}
