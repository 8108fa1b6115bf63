import type { ZodTypeProvider } from "@fastify/type-provider-zod";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { notFound } from "../../platform/problem.ts";
import { districts, findDistrict, neighbourhoods, parseProvinceCode, province, provinces } from "./service.ts";

/** The data changes only with a new release: browsers and CDNs may keep it for a day. */
const CACHE_CONTROL = "public, max-age=86400, stale-while-revalidate=604800";

const provinceSchema = z.object({ code: z.number().int().min(1).max(81).describe("Plate code"), name: z.string() });
const codeParam = z.string().max(3).describe("Plate code of the province, e.g. 34 or 06");

function provinceOr404(code: string) {
  const parsed = parseProvinceCode(code);
  const found = parsed === null ? null : province(parsed);
  if (!found) throw notFound(`Province ${code}`);
  return found;
}

/** Turkish provinces, districts and neighbourhoods for address forms (public, static). */
export async function geoRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    "/api/v1/geo/provinces",
    {
      schema: {
        tags: ["geo"],
        summary: "The 81 provinces (il) with their plate codes, in Turkish alphabetical order",
        response: { 200: z.object({ items: z.array(provinceSchema) }) },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", CACHE_CONTROL);
      return { items: provinces() };
    },
  );

  app.get(
    "/api/v1/geo/provinces/:code/districts",
    {
      schema: {
        tags: ["geo"],
        summary: "Districts (ilçe) of a province",
        params: z.object({ code: codeParam }),
        response: { 200: z.object({ province: provinceSchema, items: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const p = provinceOr404(request.params.code);
      reply.header("cache-control", CACHE_CONTROL);
      return { province: p, items: districts(p.code) };
    },
  );

  app.get(
    "/api/v1/geo/provinces/:code/districts/:district/neighbourhoods",
    {
      schema: {
        tags: ["geo"],
        summary: "Neighbourhoods (mahalle) of a district",
        description: "The district name is matched ignoring Turkish letter case (`kadıköy` finds `Kadıköy`).",
        params: z.object({ code: codeParam, district: z.string().min(1).max(100) }),
        response: { 200: z.object({ province: provinceSchema, district: z.string(), items: z.array(z.string()) }) },
      },
    },
    async (request, reply) => {
      const p = provinceOr404(request.params.code);
      const district = findDistrict(p.code, request.params.district);
      if (!district) throw notFound(`District "${request.params.district}" of ${p.name}`);
      reply.header("cache-control", CACHE_CONTROL);
      return { province: p, district, items: neighbourhoods(p.code, district) };
    },
  );
}
