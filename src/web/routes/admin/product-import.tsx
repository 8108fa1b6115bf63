import clsx from "clsx";
import { ArrowLeft, Download, FileDown, FileSpreadsheet, FileUp, LoaderCircle, SearchCheck } from "lucide-react";
import { useEffect, useId, useRef } from "react";
import { data, Form, Link, useNavigation } from "react-router";
import { useHydrated } from "../../components/account-ui.tsx";
import { selectClass } from "../../components/admin-people-ui.tsx";
import { PageHeader } from "../../components/admin-ui.tsx";
import { Notice } from "../../components/notice.tsx";
import { getApp, requirePermission } from "../../context.ts";
import { getT, type MessageKey, type TFunction } from "../../i18n/index.ts";
import { tr } from "../../i18n/tr.ts";
import { useRootData } from "../../lib/root-data.ts";
import { CSV_LIMITS, type CsvImportResult, type ImportReport, type ImportRowError } from "../../services/product-csv.ts";
import type { Route } from "./+types/product-import";

/** Problems shown in the table; the downloadable error file has all of them. */
const SHOWN = 200;
const EXPORT_URL = "/api/admin/products/export.csv";
const SAMPLE_URL = "/api/admin/products/import/sample.csv";

export async function loader({ context }: Route.LoaderArgs) {
  requirePermission(context, "catalog:read");
  const staff = getApp(context).staff;
  return { canWrite: staff?.permissions.includes("catalog:write") ?? false };
}

type ActionResult = CsvImportResult & { file?: string };

export async function action({ context, request }: Route.ActionArgs) {
  const admin = requirePermission(context, "catalog:write");
  const refuse = (status: number, code: string) => data<ActionResult>({ ok: false, status, code, message: code }, { status });
  // Refused before the body is read: the form's multipart overhead is small next to the file.
  const length = Number(request.headers.get("content-length") ?? "");
  if (!length) return refuse(411, "length_required");
  if (length > CSV_LIMITS.maxBytes + 64 * 1024) return refuse(413, "file_too_large");
  const form = await request.formData();
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return refuse(400, "no_file");
  if (file.size > CSV_LIMITS.maxBytes) return refuse(413, "file_too_large");
  const result = await admin.productCsv.import(
    { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name || "urunler.csv" },
    { dryRun: form.get("intent") !== "import", mode: form.get("mode") === "create-only" ? "create-only" : "upsert" },
  );
  return data<ActionResult>(
    { ...result, file: file.name },
    { status: result.ok ? 200 : result.status, headers: { "cache-control": "no-store" } },
  );
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The problem in the reader's language: the code's wording, else the server's English message. */
function problemText(t: TFunction, row: ImportRowError): string {
  const key = `csv.code.${row.code}`;
  return Object.hasOwn(tr, key) ? t(key as MessageKey) : row.message;
}

/** Downloads the report's problems as a CSV Excel opens (BOM, semicolons). */
function downloadProblems(t: TFunction, rows: ImportRowError[]) {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  const lines = [
    [t("csv.line"), t("csv.handle"), t("csv.field"), "code", t("csv.problem"), "message"],
    ...rows.map((r) => [r.line, r.handle, r.field, r.code, problemText(t, r), r.message]),
  ].map((r) => r.map(cell).join(";"));
  const blob = new Blob([`\uFEFF${lines.join("\r\n")}\r\n`], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = `${t("csv.errorsFile")}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Card({ title, icon: Icon, id, children }: { title: string; icon: typeof FileDown; id: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-line bg-surface p-5 sm:p-6">
      <h2 id={id} className="flex items-center gap-2 font-bold text-lg">
        <Icon aria-hidden="true" className="size-5 text-brand" />
        {title}
      </h2>
      {children}
    </section>
  );
}

function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={htmlFor} className="mb-1.5 block font-semibold text-sm">
        {label}
      </label>
      {children}
    </div>
  );
}

function ExportCard() {
  const { locale } = useRootData();
  const t = getT(locale);
  const ids = { delimiter: useId(), hint: useId(), headers: useId(), status: useId(), title: useId() };
  return (
    <Card title={t("csv.exportTitle")} icon={FileDown} id={ids.title}>
      <p className="mt-1 text-muted text-sm">{t("csv.exportText")}</p>
      {/* a plain GET: the browser downloads the file, with or without JavaScript */}
      <form method="get" action={EXPORT_URL} className="mt-5 grid gap-4">
        <Field label={t("csv.delimiter")} htmlFor={ids.delimiter}>
          <select
            id={ids.delimiter}
            name="delimiter"
            defaultValue={locale === "tr" ? "semicolon" : "comma"}
            aria-describedby={ids.hint}
            className={selectClass}
          >
            <option value="semicolon">{t("csv.delimiterSemicolon")}</option>
            <option value="comma">{t("csv.delimiterComma")}</option>
          </select>
          <p id={ids.hint} className="mt-1.5 text-muted text-xs">
            {t("csv.delimiterHint")}
          </p>
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field label={t("csv.headers")} htmlFor={ids.headers}>
            <select id={ids.headers} name="headers" defaultValue={locale} className={selectClass}>
              <option value="tr">{t("csv.headersTr")}</option>
              <option value="en">{t("csv.headersEn")}</option>
            </select>
          </Field>
          <Field label={t("csv.status")} htmlFor={ids.status}>
            {/* "" (all) is sent as status= and read as no filter */}
            <select id={ids.status} name="status" defaultValue="" className={selectClass}>
              <option value="">{t("csv.statusAll")}</option>
              <option value="active">{t("csv.statusActive")}</option>
              <option value="draft">{t("csv.statusDraft")}</option>
              <option value="archived">{t("csv.statusArchived")}</option>
            </select>
          </Field>
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button type="submit" className="btn btn-primary h-11" data-testid="csv-export">
            <Download aria-hidden="true" className="size-4" />
            {t("csv.download")}
          </button>
          <a
            href={`${SAMPLE_URL}?delimiter=${locale === "tr" ? "semicolon" : "comma"}&headers=${locale}`}
            className="font-semibold text-brand text-sm underline-offset-4 hover:underline"
          >
            {t("csv.sample")}
          </a>
        </div>
      </form>
      <details className="group mt-6 rounded-xl border border-line bg-surface-2/50 px-4 py-3 text-sm">
        <summary className="cursor-pointer font-semibold">{t("csv.columnsTitle")}</summary>
        <ul className="mt-3 list-disc space-y-1.5 pl-5 text-muted">
          {(["csv.columns1", "csv.columns2", "csv.columns3", "csv.columns4", "csv.columns5"] as const).map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </details>
    </Card>
  );
}

function ImportCard({ canWrite }: { canWrite: boolean }) {
  const { locale } = useRootData();
  const t = getT(locale);
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const ids = { file: useId(), hint: useId(), title: useId() };
  const number = (n: number) => n.toLocaleString(locale === "tr" ? "tr-TR" : "en-GB");
  return (
    <Card title={t("csv.importTitle")} icon={FileUp} id={ids.title}>
      <p className="mt-1 text-muted text-sm">{t("csv.importText")}</p>
      {canWrite ? (
        <Form method="post" encType="multipart/form-data" className="mt-5 grid gap-5">
          <div>
            <label htmlFor={ids.file} className="mb-1.5 block font-semibold text-sm">
              {t("csv.file")}
            </label>
            <input
              id={ids.file}
              name="file"
              type="file"
              required
              accept=".csv,.txt,text/csv"
              aria-describedby={ids.hint}
              data-testid="csv-file"
              className="block w-full rounded-xl border border-line border-dashed bg-surface-2/50 p-3 text-sm file:mr-4 file:rounded-lg file:border-0 file:bg-brand file:px-4 file:py-2 file:font-semibold file:text-on-brand hover:file:opacity-90"
            />
            <p id={ids.hint} className="mt-1.5 text-muted text-xs">
              {t("csv.fileHint", { size: megabytes(CSV_LIMITS.maxBytes), rows: number(CSV_LIMITS.maxRows) })}
            </p>
          </div>
          <fieldset>
            <legend className="mb-2 font-semibold text-sm">{t("csv.mode")}</legend>
            <div className="grid gap-2">
              {(
                [
                  ["upsert", "csv.modeUpsert"],
                  ["create-only", "csv.modeCreateOnly"],
                ] as const
              ).map(([value, label]) => (
                <label key={value} className="flex cursor-pointer items-start gap-2.5 text-sm">
                  <input
                    type="radio"
                    name="mode"
                    value={value}
                    defaultChecked={value === "upsert"}
                    className="mt-0.5 size-4 accent-brand"
                  />
                  {t(label)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="flex flex-wrap gap-3">
            {/* first in the form: Enter checks, it never imports */}
            <button type="submit" name="intent" value="check" disabled={!!busy} className="btn btn-secondary h-11" data-testid="csv-check">
              {busy === "check" ? (
                <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              ) : (
                <SearchCheck aria-hidden="true" className="size-4" />
              )}
              {busy === "check" ? t("csv.checking") : t("csv.check")}
            </button>
            <button type="submit" name="intent" value="import" disabled={!!busy} className="btn btn-primary h-11" data-testid="csv-import">
              {busy === "import" ? (
                <LoaderCircle aria-hidden="true" className="size-4 animate-spin" />
              ) : (
                <FileUp aria-hidden="true" className="size-4" />
              )}
              {busy === "import" ? t("csv.importing") : t("csv.import")}
            </button>
          </div>
        </Form>
      ) : (
        <div className="mt-5">
          <Notice tone="info">{t("csv.readOnly")}</Notice>
        </div>
      )}
    </Card>
  );
}

function Stat({ label, value, tone }: { label: string; value: number; tone: "ok" | "brand" | "muted" | "sale" }) {
  const { locale } = useRootData();
  return (
    <div className="rounded-xl border border-line bg-surface p-4">
      <dt className="text-muted text-sm">{label}</dt>
      <dd
        className={clsx(
          "mt-1 font-bold text-2xl tabular-nums",
          tone === "ok" && "text-ok",
          tone === "brand" && "text-brand",
          tone === "sale" && value > 0 && "text-sale",
        )}
      >
        {value.toLocaleString(locale === "tr" ? "tr-TR" : "en-GB")}
      </dd>
    </div>
  );
}

function ReportView({ report, file }: { report: ImportReport; file: string }) {
  const { locale } = useRootData();
  const t = getT(locale);
  const hydrated = useHydrated();
  const heading = useRef<HTMLHeadingElement>(null);
  const captionId = useId();
  // after a submission, move focus to the result so keyboard and screen-reader users land on it
  useEffect(() => heading.current?.focus(), []);
  const check = report.dryRun;
  const seconds = (report.durationMs / 1000).toLocaleString(locale === "tr" ? "tr-TR" : "en-GB", { maximumFractionDigits: 1 });
  const shown = report.rows.slice(0, SHOWN);
  return (
    <section aria-labelledby="csv-result" className="mt-8" data-testid="csv-report">
      <h2 id="csv-result" ref={heading} tabIndex={-1} className="font-bold text-xl outline-none">
        {check ? t("csv.resultCheck") : t("csv.resultImport")}
      </h2>
      <div className="mt-3 grid gap-2">
        {check ? (
          <Notice tone="info">{t("csv.dryRunNotice")}</Notice>
        ) : (
          <Notice tone={report.failed > 0 ? "info" : "success"}>
            {t(report.failed > 0 ? "csv.doneNotice" : "csv.doneNoticeClean", { file, seconds })}
          </Notice>
        )}
      </div>
      <dl className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={check ? t("csv.statCreatedCheck") : t("csv.statCreated")} value={report.created} tone="ok" />
        <Stat label={check ? t("csv.statUpdatedCheck") : t("csv.statUpdated")} value={report.updated} tone="brand" />
        <Stat label={t("csv.statUnchanged")} value={report.unchanged} tone="muted" />
        <Stat label={t("csv.statFailed")} value={report.failed} tone="sale" />
      </dl>
      <ul className="mt-3 space-y-1 text-muted text-sm">
        <li>{t("csv.summary", { products: report.products, rows: report.totalRows })}</li>
        {report.newBrands.length > 0 && <li>{t("csv.newBrands", { brands: report.newBrands.join(", ") })}</li>}
        {report.ignoredColumns.length > 0 && <li>{t("csv.ignoredColumns", { columns: report.ignoredColumns.join(", ") })}</li>}
        {report.encoding === "windows-1254" && <li>{t("csv.encoding1254")}</li>}
      </ul>

      {report.rows.length === 0 ? (
        <p className="mt-6 font-semibold text-ok">{t("csv.noProblems")}</p>
      ) : (
        <div className="mt-6 rounded-2xl border border-line bg-surface">
          <div className="flex flex-wrap items-center justify-between gap-3 border-line border-b px-4 py-3">
            <h3 className="font-bold">{t("csv.problems")}</h3>
            {hydrated && (
              <button
                type="button"
                onClick={() => downloadProblems(t, report.rows)}
                className="btn btn-secondary h-9 px-3 text-sm"
                data-testid="csv-errors-download"
              >
                <FileSpreadsheet aria-hidden="true" className="size-4" />
                {t("csv.downloadErrors")}
              </button>
            )}
          </div>
          {/* phones: one card per problem */}
          <ul className="divide-y divide-line md:hidden">
            {shown.map((row) => {
              const text = problemText(t, row);
              return (
                <li key={`${row.line}:${row.field}:${row.code}:${row.message}`} className="px-4 py-3 text-sm">
                  <p className="flex flex-wrap gap-x-3 gap-y-1 text-muted text-xs">
                    <span className="font-semibold text-fg">
                      {t("csv.line")} {row.line}
                    </span>
                    {row.handle && <span className="break-all font-mono">{row.handle}</span>}
                    {row.field && <span className="font-mono">{row.field}</span>}
                  </p>
                  <p className="mt-1 text-sale">{text}</p>
                  {text !== row.message && <p className="mt-0.5 text-muted text-xs">{t("csv.detail", { message: row.message })}</p>}
                </li>
              );
            })}
          </ul>
          {/* tablets and up: a table */}
          <div className="hidden overflow-x-auto md:block">
            <table className="w-full text-left text-sm" aria-describedby={captionId} data-testid="csv-problems">
              <caption id={captionId} className="sr-only">
                {t("csv.problemsCaption", { count: report.rows.length })}
              </caption>
              <thead className="border-line border-b text-muted text-xs uppercase tracking-wider">
                <tr>
                  <th scope="col" className="w-20 px-4 py-3 font-semibold">
                    {t("csv.line")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("csv.handle")}
                  </th>
                  <th scope="col" className="px-4 py-3 font-semibold">
                    {t("csv.field")}
                  </th>
                  <th scope="col" className="min-w-72 px-4 py-3 font-semibold">
                    {t("csv.problem")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-line">
                {shown.map((row) => {
                  const text = problemText(t, row);
                  return (
                    <tr key={`${row.line}:${row.field}:${row.code}:${row.message}`} className="align-top">
                      <td className="px-4 py-3 font-semibold tabular-nums">{row.line}</td>
                      <td className="min-w-32 max-w-64 break-words px-4 py-3 font-mono text-xs">{row.handle || "—"}</td>
                      <td className="px-4 py-3 font-mono text-xs">{row.field || "—"}</td>
                      <td className="px-4 py-3">
                        <span className="text-sale">{text}</span>
                        {text !== row.message && (
                          <span className="mt-0.5 block text-muted text-xs">{t("csv.detail", { message: row.message })}</span>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          {(report.rows.length > SHOWN || report.truncated) && (
            <p className="border-line border-t px-4 py-3 text-muted text-sm">
              {report.rows.length > SHOWN && t("csv.problemsShown", { shown: SHOWN })}{" "}
              {report.truncated && t("csv.truncated", { count: report.rows.length })}
            </p>
          )}
        </div>
      )}
    </section>
  );
}

function FileProblem({ result }: { result: Extract<CsvImportResult, { ok: false }> }) {
  const { locale } = useRootData();
  const t = getT(locale);
  const key = `csv.file.${result.code}`;
  const text = Object.hasOwn(tr, key)
    ? t(key as MessageKey, {
        size: megabytes(CSV_LIMITS.maxBytes),
        rows: CSV_LIMITS.maxRows.toLocaleString(locale === "tr" ? "tr-TR" : "en-GB"),
      })
    : result.message;
  return (
    <div className="mt-8" data-testid="csv-file-problem">
      <Notice tone="error">
        {text} {result.line ? t("csv.file.atLine", { line: result.line }) : null}
      </Notice>
    </div>
  );
}

export default function ProductImportPage({ loaderData, actionData }: Route.ComponentProps) {
  const { store, locale } = useRootData();
  const t = getT(locale);
  const result = actionData as ActionResult | undefined;
  return (
    <>
      <title>{`${t("csv.title")} | ${store.name}`}</title>
      <PageHeader title={t("csv.title")} subtitle={t("csv.subtitle")}>
        <Link to="/admin/urunler" className="btn btn-secondary h-11">
          <ArrowLeft aria-hidden="true" className="size-4" />
          {t("csv.backToProducts")}
        </Link>
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-2">
        <ExportCard />
        <ImportCard canWrite={loaderData.canWrite} />
      </div>
      {result?.ok === true && (
        <ReportView key={`${result.report.durationMs}-${result.report.dryRun}`} report={result.report} file={result.file ?? ""} />
      )}
      {result?.ok === false && <FileProblem result={result} />}
    </>
  );
}
