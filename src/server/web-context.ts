import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { catalogReader, catalogStats } from "../modules/catalog/service.ts";
import { getMail, listMail } from "../platform/mail/index.ts";
import type { AdminReader, WebStaff, WebUser } from "../web/context.ts";
import { MAIL_PAGE_SIZE } from "../web/context.ts";
import type { AppExtras } from "./app.ts";
import type { Kernel } from "./kernel.ts";
import { accountWeb } from "./web/account.ts";
import { apiKeysWeb } from "./web/api-keys.ts";
import { cartWeb } from "./web/cart.ts";
import { catalogAdminWeb, storefrontBannersWeb } from "./web/catalog-admin.ts";
import { checkoutWeb } from "./web/checkout.ts";
import { commerceAdminWeb } from "./web/commerce-admin.ts";
import { identityWeb } from "./web/identity.ts";
import { mediaWeb } from "./web/media.ts";
import { orderQueueWeb } from "./web/order-queue.ts";
import { ordersAdminWeb } from "./web/orders-admin.ts";
import { invitationsWeb, peopleAdminWeb } from "./web/people-admin.ts";
import { productCsvWeb } from "./web/product-csv.ts";
import { importServerBuild, readPreferences, type WebContextInput, webPlugin } from "./web.ts";

export const buildDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..", process.env.KERVAN_BUILD_DIR ?? "build");

function adminReader(kernel: Kernel, request: FastifyRequest, tenantId: string): AdminReader {
  const { db } = kernel;
  return {
    async dashboard() {
      const [stats, mail] = await Promise.all([catalogStats(db, tenantId), listMail(db, { tenantId, limit: 1, offset: 0 })]);
      return { ...stats, mailMessages: mail.total };
    },
    mail: {
      async list(page) {
        const { items, total } = await listMail(db, { tenantId, limit: MAIL_PAGE_SIZE, offset: (Math.max(1, page) - 1) * MAIL_PAGE_SIZE });
        return {
          items: items.map((m) => ({ id: m.id, to: m.to, subject: m.subject, status: m.status, createdAt: m.createdAt.toISOString() })),
          total,
          perPage: MAIL_PAGE_SIZE,
        };
      },
      async get(id) {
        if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
        const m = await getMail(db, tenantId, id);
        return (
          m && {
            id: m.id,
            to: m.to,
            subject: m.subject,
            status: m.status,
            createdAt: m.createdAt.toISOString(),
            text: m.text,
            html: m.html,
          }
        );
      },
    },
    people: peopleAdminWeb(kernel, request),
    apiKeys: apiKeysWeb(kernel, request),
    media: mediaWeb(kernel, request),
    catalog: catalogAdminWeb(kernel, request),
    productCsv: productCsvWeb(kernel, request),
    commerce: commerceAdminWeb(kernel, request),
    orders: ordersAdminWeb(kernel, request),
    orderQueue: orderQueueWeb(kernel, request),
  };
}

/**
 * Signed-in user and their staff access, from the same principal the admin API guards use (so
 * later permission checks in this request are free). No SQL for visitors without a session
 * cookie; a session cookie better-auth refreshes (sliding expiry) is passed on to the browser.
 */
async function sessionOf(
  kernel: Kernel,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<{ user: WebUser | null; staff: WebStaff | null }> {
  const principal = await kernel.access.principal(request, reply);
  const session = principal?.user;
  if (!session) return { user: null, staff: null };
  const user: WebUser = { id: session.id, name: session.name, email: session.email, role: session.role };
  if (!principal.role) return { user, staff: null };
  const needsTwoFactor = request.tenant.settings.requireStaffTwoFactor === true && !session.twoFactorEnabled;
  return { user, staff: { role: principal.role, permissions: [...principal.permissions], needsTwoFactor } };
}

/** Per-request context for React Router loaders: tenant, preferences, session and services. */
export function webContext(kernel: Kernel) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<WebContextInput> => {
    const tenant = request.tenant;
    const { locale, theme } = readPreferences(request);
    const { user, staff } = await sessionOf(kernel, request, reply);
    return {
      tenant: { id: tenant.id, name: tenant.name, slug: tenant.slug, currency: tenant.currency, profile: tenant.profile },
      user,
      locale,
      theme,
      publicUrl: `${request.protocol}://${request.host}`,
      catalog: catalogReader({
        db: kernel.db,
        tenantId: tenant.id,
        locale,
        cache: kernel.cache,
        mediaUrl: kernel.mediaUrl,
        listTtlMs: kernel.config.catalogCacheSeconds * 1000,
      }),
      banners: storefrontBannersWeb(kernel, tenant.id, locale),
      admin: staff ? adminReader(kernel, request, tenant.id) : null,
      staff,
      identity: identityWeb(kernel, request),
      account: user ? accountWeb(kernel, request) : null,
      socialProviders: [...(kernel.config.auth.google ? ["google"] : []), ...(kernel.config.auth.facebook ? ["facebook"] : [])],
      invitations: invitationsWeb(kernel, request),
      cart: cartWeb(kernel, request, reply),
      checkout: checkoutWeb(kernel, request, reply, locale),
    };
  };
}

/** Registers the web front end when it has been built (`npm run build`). */
export async function webExtras(kernel: Kernel, dir = buildDir): Promise<AppExtras> {
  if (!existsSync(path.join(dir, "server", "index.js"))) {
    kernel.log.warn(`no web build in ${dir}: serving the API only (run \`npm run build\`)`);
    return {};
  }
  const { build, clientDir } = await importServerBuild(dir);
  return {
    register: async (app: FastifyInstance) => {
      await app.register(webPlugin, { build, clientDir, getContext: webContext(kernel), pageCache: kernel.pageCache });
    },
  };
}
