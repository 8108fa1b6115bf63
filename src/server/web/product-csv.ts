import type { FastifyRequest } from "fastify";
import { auditContext } from "../../modules/audit/service.ts";
import { CsvFileError, importProducts } from "../../modules/catalog/csv.ts";
import type { ProductCsvAdmin } from "../../web/services/product-csv.ts";
import type { Kernel } from "../kernel.ts";

/** The admin page's CSV import, bound to the request's store and staff member. */
export function productCsvWeb(kernel: Kernel, request: FastifyRequest): ProductCsvAdmin {
  return {
    async import(file, options) {
      try {
        const report = await importProducts(
          {
            db: kernel.db,
            tenantId: request.tenant.id,
            jobs: kernel.jobs,
            cache: kernel.cache,
            actor: auditContext(request),
            limits: { maxImages: kernel.config.media.maxImages, maxVideos: kernel.config.media.maxVideos },
            log: request.log,
          },
          file.bytes,
          { ...options, filename: file.name.slice(0, 200) },
        );
        return { ok: true, report };
      } catch (error) {
        if (error instanceof CsvFileError)
          return {
            ok: false,
            status: error.statusCode,
            code: error.code,
            message: error.message,
            ...(error.line ? { line: error.line } : {}),
          };
        throw error;
      }
    },
  };
}
