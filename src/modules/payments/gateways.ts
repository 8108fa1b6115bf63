// The card gateways this installation has credentials for (GatewaysConfig, from the environment).

import type { GatewaysConfig } from "../../platform/config.ts";
import { createIyzicoGateway } from "./providers/iyzico.ts";
import { createPaytrGateway } from "./providers/paytr.ts";
import { createStripeGateway } from "./providers/stripe.ts";
import type { Gateways } from "./service.ts";

export function createGateways(config: GatewaysConfig): Gateways {
  return {
    ...(config.iyzico ? { iyzico: createIyzicoGateway(config.iyzico) } : {}),
    ...(config.paytr ? { paytr: createPaytrGateway(config.paytr) } : {}),
    ...(config.stripe ? { stripe: createStripeGateway(config.stripe) } : {}),
  };
}

export function configuredGateways(config: GatewaysConfig): ReadonlySet<string> {
  return new Set(Object.keys(config).filter((k) => config[k as keyof GatewaysConfig]));
}
