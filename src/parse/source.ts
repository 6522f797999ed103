import type { Source } from '../types.js';
import { OUTLETS } from './tables.js';

/**
 * The source record for an article's original address: the outlet's name from the table of
 * known outlets, else the host name without `www.`.
 * @example sourceFor('https://www.themoscowtimes.com/2025/05/20/x-a89146').name // 'The Moscow Times'
 */
export function sourceFor(url: string, name?: string | null): Source {
  return { url, name: name?.trim() || outletName(url) };
}

/** The outlet's name for an address, or its host name when the outlet isn't in the table. */
function outletName(url: string): string {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\d*\./, '');
  } catch {
    return url;
  }
  for (let h = host; h.includes('.'); h = h.slice(h.indexOf('.') + 1)) {
    const known = OUTLETS[h];
    if (known) return known;
  }
  return host;
}

/** An http(s) address with a host name that has a dot in it: what "a web address" means in errors. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
