// Product CSV import for the admin page /admin/urunler/aktar. Types only (plus constants): the
// server implements ProductCsvAdmin in src/server/web/product-csv.ts; the export and the sample
// file are plain downloads from the REST API (/api/admin/products/export.csv).

import type { ImportMode, ImportReport, ImportRowError } from "../../modules/catalog/csv.ts";

export type { ImportMode, ImportReport, ImportRowError };

/** The size and row limits of an import (CSV_MAX_BYTES, CSV_MAX_ROWS in src/modules/catalog/csv.ts). */
export const CSV_LIMITS = { maxBytes: 10 * 1024 * 1024, maxRows: 50_000 } as const;

export type CsvImportResult =
  | { ok: true; report: ImportReport }
  /** The file could not be read at all: `code` is file_too_large, too_many_rows, empty_file, not_csv, csv_syntax, missing_handle_column. */
  | { ok: false; status: number; code: string; message: string; line?: number };

export interface ProductCsvAdmin {
  import(file: { bytes: Uint8Array; name: string }, options: { dryRun: boolean; mode: ImportMode }): Promise<CsvImportResult>;
}
