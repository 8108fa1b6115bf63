import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import { stringify } from "csv-stringify";
import type { FastifyError, FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import type { MemoCache } from "../../platform/cache.ts";
import type { Db } from "../../platform/db/index.ts";
import type { Jobs } from "../../platform/jobs/types.ts";
import { HttpError, problem, sendProblem } from "../../platform/problem.ts";
import type { Access } from "../accounts/access.ts";
import { auditContext } from "../audit/service.ts";
import { CSV_MAX_BYTES, CSV_MAX_ROWS, CsvFileError, type Delimiter, exportRows, importProducts, sampleRows } from "./csv.ts";
import { productStatus } from "./schema.ts";

export interface CsvRoutesOptions {
  db: Db;
  jobs: Jobs;
  cache: MemoCache;
  access: Access;
  /** Media per product (config.media). */
  limits?: { maxImages: number; maxVideos: number };
  /** Largest file accepted (default CSV_MAX_BYTES). */
  maxBytes?: number;
  /** Most rows accepted (default CSV_MAX_ROWS). */
  maxRows?: number;
}

const DELIMITERS: Record<string, Delimiter> = { comma: ",", semicolon: ";", tab: "\t", ",": ",", ";": ";" };
const delimiterParam = z
  .enum(["comma", "semicolon", "tab", ",", ";"])
  .default("comma")
  .describe("`semicolon` for Excel in Turkish (prices then use a decimal comma)");
const headersParam = z.enum(["en", "tr"]).default("en").describe("Column names: English keys or their Turkish forms");
const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  mode: z.enum(["upsert", "create-only"]),
  products: z.number().int().describe("Products (handles) in the file"),
  totalRows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  rows: z
    .array(
      z.object({
        line: z.number().int().describe("Line of the file (the header is line 1)"),
        handle: z.string(),
        field: z.string().describe("Column as named in the file"),
        code: z.string().describe("Stable problem code, e.g. invalid_price, category_not_found, sku_taken"),
        message: z.string(),
      }),
    )
    .describe("Problems, by line"),
  truncated: z.boolean(),
  newBrands: z.array(z.string()),
  delimiter: z.string(),
  encoding: z.string(),
  ignoredColumns: z.array(z.string()),
  durationMs: z.number().int(),
});

const today = () => new Date().toISOString().slice(0, 10);

/** Streams CSV rows (an async source of string arrays) into the reply, with a BOM so that Excel reads UTF-8. */
function csvStream(rows: AsyncIterable<string[]> | Iterable<string[]>, delimiter: Delimiter, log: FastifyRequest["log"]) {
  // quoted_match: a line break inside a value (a description) is quoted even when it is a bare \n
  const out = stringify({ delimiter, bom: true, record_delimiter: "windows", quoted_match: /[\r\n]/ });
  pipeline(Readable.from(rows), out).catch((err) => log.error({ err }, "csv export failed"));
  return out;
}

/**
 * Product CSV: `GET /api/admin/products/export.csv`, `GET /api/admin/products/import/sample.csv`
 * and `POST /api/admin/products/import` (docs/csv-import.md).
 */
export async function csvRoutes(fastify: FastifyInstance, options: CsvRoutesOptions) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const maxBytes = options.maxBytes ?? CSV_MAX_BYTES;
  const maxRows = options.maxRows ?? CSV_MAX_ROWS;
  const megabytes = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  // Only this plugin's routes take these bodies.
  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 100, parts: 6 },
  });
  app.addContentTypeParser(
    ["text/csv", "application/csv", "application/octet-stream"],
    { parseAs: "buffer", bodyLimit: maxBytes },
    (_req, body, done) => done(null, body),
  );
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const base = { instance: request.url, requestId: request.id };
    if (error instanceof CsvFileError) {
      return sendProblem(reply, {
        ...problem(error.statusCode, error.message, { ...base, errors: error.errors }),
        code: error.code,
      } as ReturnType<typeof problem>);
    }
    if (error.statusCode === 413) {
      // the rest of a refused upload is not read: close the connection rather than drain it
      reply.header("connection", "close");
      return sendProblem(reply, {
        ...problem(413, `The file is larger than ${megabytes}: split it into smaller files.`, base),
        code: "file_too_large",
      } as ReturnType<typeof problem>);
    }
    throw error;
  });

  app.get(
    "/api/admin/products/export.csv",
    {
      preHandler: options.access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "Export products as CSV",
        description:
          "Every product of the store (any status unless filtered), one row per variant, with a BOM for Excel. Streamed: " +
          "the server reads 500 products at a time, however many there are.",
        querystring: z.object({
          q: z.string().trim().max(200).optional().describe("Title words, exact SKU, barcode or slug"),
          status: z
            .enum([...productStatus, ""])
            .optional()
            .transform((v) => v || undefined)
            .describe("Only products with this status (empty: all)"),
          delimiter: delimiterParam,
          headers: headersParam,
        }),
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const { q, status, headers } = request.query;
      const delimiter = DELIMITERS[request.query.delimiter] ?? ",";
      const rows = exportRows(options.db, request.tenant.id, { q, status, headers, delimiter });
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="urunler-${today()}.csv"`)
        .header("cache-control", "no-store")
        .send(csvStream(rows, delimiter, request.log));
    },
  );

  app.get(
    "/api/admin/products/import/sample.csv",
    {
      preHandler: options.access.require("catalog:read"),
      schema: {
        tags: ["admin"],
        summary: "A sample product CSV",
        querystring: z.object({ delimiter: delimiterParam, headers: headersParam }),
        produces: ["text/csv"],
      },
    },
    async (request, reply) => {
      const delimiter = DELIMITERS[request.query.delimiter] ?? ",";
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="urun-ornek.csv"`)
        .send(csvStream(sampleRows(request.query.headers, delimiter), delimiter, request.log));
    },
  );

  app.post(
    "/api/admin/products/import",
    {
      preHandler: options.access.require("catalog:write"),
      bodyLimit: maxBytes,
      schema: {
        tags: ["admin"],
        summary: "Import products from CSV",
        description:
          `The file as multipart/form-data (field \`file\`) or as the body (\`text/csv\`), UTF-8 with or without BOM (Windows-1254 is ` +
          `recognised), \`,\` or \`;\` delimited, at most ${megabytes} and ${maxRows.toLocaleString("en")} rows. Each product is saved ` +
          "in its own transaction: the report lists every problem with its line, and what was saved stays saved. `dryRun=true` checks " +
          "everything and saves nothing. `mode=create-only` refuses handles that exist.",
        querystring: z.object({
          dryRun: flag.describe("Check only: nothing is saved"),
          mode: z.enum(["upsert", "create-only"]).optional(),
        }),
        consumes: ["multipart/form-data", "text/csv"],
        response: { 200: importReportSchema },
      },
    },
    async (request) => {
      let data: Buffer | null = null;
      let filename: string | undefined;
      const fields: Record<string, string> = {};
      if (request.isMultipart()) {
        for await (const part of request.parts()) {
          if (part.type === "file") {
            if (part.fieldname !== "file") throw new HttpError(400, `Unexpected file field "${part.fieldname}": send the CSV in "file".`);
            filename = part.filename?.slice(0, 200);
            data = await part.toBuffer();
          } else fields[part.fieldname] = String(part.value ?? "");
        }
        if (!data) throw new HttpError(400, 'No file was sent: put the CSV in the form field "file".');
      } else if (Buffer.isBuffer(request.body)) {
        data = request.body;
      } else {
        throw new HttpError(415, 'Send the CSV as multipart/form-data (field "file") or as a text/csv body.');
      }
      const dryRun = request.query.dryRun ?? (fields.dryRun === "true" || fields.dryRun === "1");
      const mode = request.query.mode ?? (fields.mode === "create-only" ? "create-only" : "upsert");
      return importProducts(
        {
          db: options.db,
          tenantId: request.tenant.id,
          jobs: options.jobs,
          cache: options.cache,
          actor: auditContext(request),
          limits: options.limits,
          log: request.log,
        },
        data,
        { dryRun, mode, maxRows, filename },
      );
    },
  );
}
