import type { FastifyRequest } from "fastify";
import type { Permission } from "../../modules/accounts/permissions.ts";
import { auditContext } from "../../modules/audit/service.ts";
import { getPaymentSettings, updatePaymentSettings } from "../../modules/payments/settings-admin.ts";
import { createCoupon, deleteCoupon, getCoupon, listCoupons, scopeNames, updateCoupon } from "../../modules/promotions/admin.ts";
import {
  addDefaultShippingMethods,
  createShippingMethod,
  deleteShippingMethod,
  feeExamples,
  listShippingMethodsAdmin,
  moveShippingMethod,
  type ShippingAdminContext,
  updateShippingMethod,
} from "../../modules/shipping/admin.ts";
import { carrierIds, carriers } from "../../modules/shipping/carriers.ts";
import { COUPONS_PER_PAGE, type CommerceAdmin, type CommerceResult } from "../../web/services/commerce-admin.ts";
import type { Kernel } from "../kernel.ts";
import { change as changeResult } from "./attempt.ts";
import { requirePermission } from "./guard.ts";

const change = <T extends object>(fn: () => Promise<T>): Promise<CommerceResult<T>> => changeResult(fn);

const none = async () => ({});

/**
 * Implements CommerceAdmin for one request (the page loaders check the permission first).
 * `configuredGateways`: card gateways this installation has credentials for (default: the kernel's).
 */
export function commerceAdminWeb(
  kernel: Kernel,
  request: FastifyRequest,
  options: { configuredGateways?: ReadonlySet<string> } = {},
): CommerceAdmin {
  const { db, cache } = kernel;
  const tenantId = request.tenant.id;
  const configured = options.configuredGateways ?? new Set(Object.keys(kernel.gateways ?? {}));

  /** The write context, with the permission checked again here (defence in depth). */
  async function writer(permission: Permission): Promise<ShippingAdminContext> {
    await requirePermission(kernel, request, permission);
    return { db, tenantId, cache, actor: auditContext(request) };
  }

  return {
    coupons: {
      list: (query) => listCoupons(db, tenantId, { ...query, perPage: COUPONS_PER_PAGE }),
      get: (id) => getCoupon(db, tenantId, id),
      create: (input) => change(async () => ({ coupon: await createCoupon(await writer("catalog:write"), input) })),
      update: (id, input) => change(async () => ({ coupon: await updateCoupon(await writer("catalog:write"), id, input) })),
      remove: (id) => change(async () => deleteCoupon(await writer("catalog:write"), id).then(none)),
      scopeNames: (scope, ids) => scopeNames(db, tenantId, scope, ids),
    },
    shipping: {
      carriers: () => carrierIds.map((id) => ({ id, name: carriers[id].name })),
      list: () => listShippingMethodsAdmin(db, tenantId),
      preview: (prices) => feeExamples(prices),
      create: (input) => change(async () => ({ method: await createShippingMethod(await writer("settings:write"), input) })),
      update: (id, input) => change(async () => ({ method: await updateShippingMethod(await writer("settings:write"), id, input) })),
      move: (id, direction) => change(async () => moveShippingMethod(await writer("settings:write"), id, direction).then(none)),
      remove: (id) => change(async () => deleteShippingMethod(await writer("settings:write"), id).then(none)),
      addDefaults: () => change(async () => addDefaultShippingMethods(await writer("settings:write")).then(none)),
    },
    payments: {
      get: () => getPaymentSettings(db, tenantId, configured),
      save: (input) =>
        change(async () => ({
          settings: await updatePaymentSettings(await writer("settings:write"), input, {
            configured,
            invalidate: () => kernel.tenants.invalidate(),
          }),
        })),
    },
  };
}
