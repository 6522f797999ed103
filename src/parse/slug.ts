import slugify from '@sindresorhus/slugify';

/** Longest slug we make; longer headlines are cut at a word boundary. */
const MAX_LENGTH = 120;

/**
 * The URL slug of a headline, as news sites make them: `Russia-U.S.` → `russia-us`,
 * `Putin's` → `putins`, accents transliterated.
 * @example slugForHeadline("Trump and Putin Shared 'Warm' Memories") // 'trump-and-putin-shared-warm-memories'
 */
export function slugForHeadline(headline: string): string {
  const cleaned = headline
    // Abbreviations lose their dots (U.S. → US), apostrophes vanish (Putin's → Putins).
    .replace(/\b(?:\p{L}\.){2,}/gu, (m) => m.replace(/\./g, ''))
    // Thousands separators go (1,000 → 1000).
    .replace(/(?<=\d)[,.](?=\d{3}\b)/g, '')
    .replace(/(?<=\p{L})['’‘](?=\p{L})/gu, '')
    .replace(/['’‘"“”]/g, '');
  let slug = slugify(cleaned, { decamelize: false });
  if (slug.length > MAX_LENGTH) {
    const cut = slug.lastIndexOf('-', MAX_LENGTH);
    slug = slug.slice(0, cut > 20 ? cut : MAX_LENGTH);
  }
  return slug || 'article';
}

/** A slug given by hand (front matter), reduced to the safe alphabet so it can't escape its folder. */
export function cleanSlug(value: string): string {
  return slugForHeadline(value.replace(/[/\\]+/g, ' '));
}
