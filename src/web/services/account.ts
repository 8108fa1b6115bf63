// The signed-in customer's own data: profile, addresses, KVKK export and deletion.
// Types only: the server implements this in src/server/web/account.ts and passes it through the
// request context (see ../context.ts).

import type {
  AccountAddress,
  AccountProfile,
  AddressInput,
  ConsentState,
  FieldError,
  MarketingPurpose,
} from "../../modules/customers/account.ts";
import type { Province } from "../../modules/geo/service.ts";

export type { AccountAddress, AccountProfile, AddressInput, ConsentState, FieldError, MarketingPurpose, Province };

/** A change that was saved, or the fields that stopped it (codes are translated by the pages). */
export type AccountResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export interface AccountWeb {
  /** Days between a deletion request and the anonymisation of the account. */
  readonly deletionGraceDays: number;
  /** GET it (with the session cookie) to download the KVKK export. */
  readonly exportUrl: string;
  profile(): Promise<AccountProfile>;
  updateProfile(input: { name: string; phone: string }): Promise<AccountResult<AccountProfile>>;
  addresses(): Promise<AccountAddress[]>;
  /** Creates (id null) or replaces an address. */
  saveAddress(id: string | null, input: AddressInput): Promise<AccountResult<AccountAddress>>;
  makeDefaultAddress(id: string): Promise<boolean>;
  deleteAddress(id: string): Promise<boolean>;
  geo: {
    provinces(): Province[];
    districts(provinceCode: number): string[];
    neighbourhoods(provinceCode: number, district: string): string[];
  };
  consents(): Promise<ConsentState[]>;
  setConsent(purpose: MarketingPurpose, granted: boolean): Promise<ConsentState[]>;
  requestDeletion(): Promise<{ ok: true; effectiveAt: Date } | { ok: false; error: "staff" }>;
  cancelDeletion(): Promise<void>;
}
