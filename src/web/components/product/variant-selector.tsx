import clsx from "clsx";
import type { FormEvent } from "react";
import type { VariantDetail } from "../../../modules/catalog/types.ts";
import { useT } from "../../i18n/index.ts";
import type { GalleryImage } from "../gallery/picture.tsx";
import { ResponsivePicture } from "../gallery/picture.tsx";
import type { OptionGroupChoice, OptionValueChoice } from "./variants.ts";

const COLOUR_GROUP = /^(renk|color|colour)$/i;

// Common Turkish and English colour names, for a swatch dot when the variant has no image.
const COLOURS: Record<string, string> = {
  siyah: "#111418",
  black: "#111418",
  beyaz: "#ffffff",
  white: "#ffffff",
  ekru: "#f1ead8",
  krem: "#f4ecd6",
  bej: "#d9c4a3",
  beige: "#d9c4a3",
  gri: "#8b9196",
  grey: "#8b9196",
  gray: "#8b9196",
  antrasit: "#3b4045",
  füme: "#52575c",
  lacivert: "#1f2a56",
  navy: "#1f2a56",
  mavi: "#2563eb",
  blue: "#2563eb",
  turkuaz: "#14b8a6",
  yeşil: "#16a34a",
  green: "#16a34a",
  haki: "#6b6b3a",
  khaki: "#6b6b3a",
  sarı: "#facc15",
  yellow: "#facc15",
  turuncu: "#f97316",
  orange: "#f97316",
  kırmızı: "#dc2626",
  red: "#dc2626",
  bordo: "#7f1d2d",
  pembe: "#f472b6",
  pink: "#f472b6",
  mor: "#7c3aed",
  purple: "#7c3aed",
  lila: "#c4b5fd",
  kahverengi: "#7c4a23",
  kahve: "#7c4a23",
  brown: "#7c4a23",
  vizon: "#a08f7d",
  altın: "#d4a72c",
  gold: "#d4a72c",
  gümüş: "#c0c4c8",
  silver: "#c0c4c8",
};

function swatchColour(value: string): string | null {
  return COLOURS[value.trim().toLocaleLowerCase("tr-TR")] ?? null;
}

/**
 * One group of buttons per option (Beden, Renk…). Each button names the variant it leads to, so
 * the plain form (GET `?v=<id>`) works without JavaScript; with it, `onSelect` changes the variant
 * in place. Sold-out and unavailable combinations are struck through; values no variant has are disabled.
 */
export function VariantSelector({
  groups,
  images,
  action,
  onSelect,
}: {
  groups: OptionGroupChoice[];
  images: GalleryImage[];
  /** The product page path the form submits to. */
  action: string;
  onSelect: (variant: VariantDetail) => void;
}) {
  const t = useT();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const id = submitter instanceof HTMLButtonElement ? submitter.value : "";
    for (const group of groups) {
      const choice = group.values.find((v) => v.target?.id === id);
      if (choice?.target) {
        event.preventDefault();
        onSelect(choice.target);
        return;
      }
    }
  };
  return (
    <form method="get" action={action} onSubmit={onSubmit} className="flex flex-col gap-5" data-testid="variant-selector">
      {groups.map((group) => {
        const chosen = group.values.find((v) => v.selected)?.value;
        const colour = COLOUR_GROUP.test(group.name);
        return (
          <fieldset key={group.name}>
            <legend className="mb-2.5 text-sm">
              <span className="text-muted">{group.name}:</span> <span className="font-semibold">{chosen ?? t("pdp.choose")}</span>
            </legend>
            <div className="flex flex-wrap gap-2">
              {group.values.map((choice) => (
                <OptionButton key={choice.value} choice={choice} colour={colour} images={images} />
              ))}
            </div>
          </fieldset>
        );
      })}
    </form>
  );
}

function OptionButton({ choice, colour, images }: { choice: OptionValueChoice; colour: boolean; images: GalleryImage[] }) {
  const t = useT();
  const struck = choice.state === "soldOut" || choice.state === "unavailable";
  const image = colour && choice.target?.imageIndex != null ? images[choice.target.imageIndex] : undefined;
  const dot = colour && !image ? swatchColour(choice.value) : null;
  const note =
    choice.state === "soldOut"
      ? t("pdp.soldOutOption")
      : choice.state === "unavailable"
        ? t("pdp.unavailableOption")
        : choice.state === "none"
          ? t("pdp.noOption")
          : "";
  return (
    <button
      type="submit"
      name="v"
      value={choice.target?.id ?? ""}
      disabled={choice.state === "none"}
      aria-pressed={choice.selected}
      title={note ? `${choice.value} – ${note}` : undefined}
      className={clsx(
        "relative inline-flex min-h-11 min-w-12 items-center justify-center gap-2 rounded-lg border bg-surface font-medium text-sm transition-[border-color,box-shadow,color]",
        image ? "py-1 pr-3 pl-1" : "px-3.5 py-2",
        choice.selected
          ? "border-brand text-brand shadow-[inset_0_0_0_1px_var(--brand)]"
          : "border-line-strong hover:border-brand hover:text-brand",
        struck && !choice.selected && "border-dashed text-muted",
        choice.state === "none" && "cursor-not-allowed opacity-45",
      )}
    >
      {image && (
        <ResponsivePicture
          image={image}
          alt=""
          sizes="40px"
          className="block size-9 shrink-0"
          imgClassName="size-9 rounded-md object-cover"
        />
      )}
      {dot && (
        <span
          aria-hidden="true"
          className="size-4 shrink-0 rounded-full border border-black/15 dark:border-white/25"
          style={{ background: dot }}
        />
      )}
      <span className={clsx(struck && "line-through decoration-1")}>{choice.value}</span>
      {note && <span className="sr-only">({note})</span>}
    </button>
  );
}
