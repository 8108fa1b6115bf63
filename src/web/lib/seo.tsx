// Per-page <title>, description and social tags. React 19 hoists these elements into <head>.

export function Seo({
  title,
  description,
  canonical,
  image,
  noindex = false,
}: {
  title: string;
  description?: string;
  canonical?: string;
  image?: string;
  noindex?: boolean;
}) {
  return (
    <>
      <title>{title}</title>
      {description && <meta name="description" content={description} />}
      {canonical && <link rel="canonical" href={canonical} />}
      <meta property="og:title" content={title} />
      {description && <meta property="og:description" content={description} />}
      {image && <meta property="og:image" content={image} />}
      {canonical && <meta property="og:url" content={canonical} />}
      {noindex && <meta name="robots" content="noindex" />}
    </>
  );
}

/** Shortens text for a meta description on a word boundary. */
export function excerpt(text: string, max = 160): string {
  const clean = text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
