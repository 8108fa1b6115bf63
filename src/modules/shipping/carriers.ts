// Turkish and international carriers with their public tracking pages.

export const carrierIds = ["yurtici", "aras", "mng", "ptt", "ups", "dhl", "other"] as const;
export type CarrierId = (typeof carrierIds)[number];

interface Carrier {
  name: string;
  /** Tracking page with `{n}` for the tracking number; null when the carrier has no public link. */
  trackingUrl: string | null;
}

export const carriers: Record<CarrierId, Carrier> = {
  yurtici: { name: "Yurtiçi Kargo", trackingUrl: "https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code={n}" },
  aras: { name: "Aras Kargo", trackingUrl: "https://kargotakip.araskargo.com.tr/mainpage.aspx?code={n}" },
  mng: { name: "MNG Kargo", trackingUrl: "https://www.mngkargo.com.tr/gonderi-takip/?takipNo={n}" },
  ptt: { name: "PTT Kargo", trackingUrl: "https://gonderitakip.ptt.gov.tr/Track/Verify?q={n}" },
  ups: { name: "UPS", trackingUrl: "https://www.ups.com/track?loc=tr_TR&tracknum={n}" },
  dhl: { name: "DHL", trackingUrl: "https://www.dhl.com/tr-tr/home/tracking/tracking-express.html?tracking-id={n}" },
  other: { name: "Diğer", trackingUrl: null },
};

export function isCarrier(value: string): value is CarrierId {
  return (carrierIds as readonly string[]).includes(value);
}

/** The carrier's tracking page for a number, or null. */
export function trackingUrl(carrier: CarrierId, trackingNumber: string): string | null {
  const template = carriers[carrier].trackingUrl;
  return template ? template.replace("{n}", encodeURIComponent(trackingNumber.trim())) : null;
}
