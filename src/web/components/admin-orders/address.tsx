import type { AdminOrder } from "../../services/orders-admin.ts";

type Address = AdminOrder["shippingAddress"];

/** A Turkish mobile or landline in E.164 (+905321234567) as people read it: +90 532 123 45 67. */
export function formatPhone(phone: string): string {
  const m = /^\+90(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone.replace(/\s/g, ""));
  return m ? `+90 ${m[1]} ${m[2]} ${m[3]} ${m[4]}` : phone;
}

/** A postal address as Turkish labels print it: name, street, neighbourhood, district/province, phone. */
export function AddressLines({ address, plain = false }: { address: Address; plain?: boolean }) {
  return (
    <address className="not-italic leading-relaxed">
      <span className="block font-semibold">
        {address.firstName} {address.lastName}
      </span>
      <span className="block">{address.addressLine}</span>
      <span className="block">{address.neighbourhood}</span>
      <span className="block">{[address.postalCode, `${address.district} / ${address.province}`].filter(Boolean).join(" ")}</span>
      {address.phone &&
        (plain ? (
          <span className="block tabular-nums">{formatPhone(address.phone)}</span>
        ) : (
          <a href={`tel:${address.phone.replace(/[^\d+]/g, "")}`} className="link block tabular-nums">
            {formatPhone(address.phone)}
          </a>
        ))}
    </address>
  );
}

/** True when two addresses are the same place and person. */
export function sameAddress(a: Address, b: Address): boolean {
  return (
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.addressLine === b.addressLine &&
    a.neighbourhood === b.neighbourhood &&
    a.district === b.district &&
    a.provinceCode === b.provinceCode &&
    a.phone === b.phone
  );
}
