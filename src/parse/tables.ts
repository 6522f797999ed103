/**
 * The data the raw-text parser reads by: extend a table rather than the logic.
 */
import { lookup } from './lookup.js';

/** Known outlets by host name (without `www.`); a sub-domain matches its parent. */
export const OUTLETS: Readonly<Record<string, string>> = lookup({
  'themoscowtimes.com': 'The Moscow Times',
  'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post',
  'wsj.com': 'The Wall Street Journal',
  'theguardian.com': 'The Guardian',
  'guardian.co.uk': 'The Guardian',
  'bbc.co.uk': 'BBC News',
  'bbc.com': 'BBC News',
  'reuters.com': 'Reuters',
  'apnews.com': 'The Associated Press',
  'aljazeera.com': 'Al Jazeera',
  'cnn.com': 'CNN',
  'npr.org': 'NPR',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'bloomberg.com': 'Bloomberg',
  'ft.com': 'Financial Times',
  'economist.com': 'The Economist',
  'independent.co.uk': 'The Independent',
  'telegraph.co.uk': 'The Telegraph',
  'thetimes.co.uk': 'The Times',
  'latimes.com': 'Los Angeles Times',
  'usatoday.com': 'USA Today',
  'nbcnews.com': 'NBC News',
  'cbsnews.com': 'CBS News',
  'abcnews.go.com': 'ABC News',
  'foxnews.com': 'Fox News',
  'axios.com': 'Axios',
  'theatlantic.com': 'The Atlantic',
  'newyorker.com': 'The New Yorker',
  'time.com': 'Time',
  'dw.com': 'Deutsche Welle',
  'france24.com': 'France 24',
  'euronews.com': 'Euronews',
  'lemonde.fr': 'Le Monde',
  'spiegel.de': 'Der Spiegel',
  'meduza.io': 'Meduza',
  'kyivindependent.com': 'The Kyiv Independent',
  'tass.com': 'TASS',
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'scmp.com': 'South China Morning Post',
  'japantimes.co.jp': 'The Japan Times',
  'hindustantimes.com': 'Hindustan Times',
  'thehindu.com': 'The Hindu',
  'abc.net.au': 'ABC News (Australia)',
  'smh.com.au': 'The Sydney Morning Herald',
  'cbc.ca': 'CBC News',
  'theglobeandmail.com': 'The Globe and Mail',
  'haaretz.com': 'Haaretz',
  'timesofisrael.com': 'The Times of Israel',
  'afp.com': 'AFP',
  'vox.com': 'Vox',
  'propublica.org': 'ProPublica',
  'theverge.com': 'The Verge',
  'wired.com': 'Wired',
  'arstechnica.com': 'Ars Technica',
  'nature.com': 'Nature',
  'science.org': 'Science',
});

/** Lines that name another article rather than continue this one: `Related article: <headline>`. */
export const RELATED_LABELS: readonly string[] = [
  'related articles', 'related article', 'related stories', 'related story', 'related',
  'read more', 'read also', 'also read', 'see also', 'more on this', 'more on this story',
];

/** Labels that introduce the address the article was taken from. */
export const SOURCE_LABELS: readonly string[] = [
  'original url', 'original link', 'original article', 'source url', 'source link',
  'originally published at', 'article url', 'url', 'source',
];

/** Labels that introduce a photo credit (`Credit: AFP`, `Photo: Reuters/Jane Doe`). */
export const CREDIT_LABELS: readonly string[] = [
  'photo credit', 'image credit', 'credit', 'credits', 'photo', 'photograph', 'photos', 'image',
  'picture', 'pictured', 'illustration', 'graphic', 'video', 'source', 'courtesy', 'copyright',
];

/** Labels that introduce the caption itself (`Caption: Soldiers meet on the Elbe`). */
export const CAPTION_LABELS: readonly string[] = ['caption', 'photo caption', 'image caption'];

/** Phrases that end a caption with its credit even without a label (`… AP Photo/Jane Doe`). */
export const CREDIT_MARKERS: readonly RegExp[] = [
  /\b(?:AP|AFP|Reuters|EPA|Getty|Xinhua|Shutterstock|Alamy|PA|Sipa|Anadolu)\b[^.]*$/,
  /\bvia\s+(?:Getty Images|AP|Reuters|Wikimedia(?: Commons)?|Wikipedia|Flickr)\b.*$/i,
  /©.*$/,
  /\bphoto(?:graph)?\s+by\s+.+$/i,
  /\b(?:courtesy|handout)\b.*$/i,
];

/** Lower-case words a photo credit may contain (`AFP via Getty Images`, `Ludwig van Beethoven`). */
export const CREDIT_LOWERCASE_WORDS: ReadonlySet<string> = new Set([
  'via', 'for', 'of', 'and', 'de', 'da', 'del', 'der', 'van', 'von', 'la', 'le', 'al', 'el', 'bin', 'photo', 'photos', 'by', 'courtesy', 'the',
]);

/** Words a sentence does not end on: a block ending with one was split by a stray blank line. */
export const NON_FINAL_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'from',
  'with', 'without', 'after', 'before', 'since', 'until', 'as', 'than', 'that', 'which', 'who',
  'whom', 'whose', 'where', 'when', 'while', 'if', 'because', 'about', 'into', 'onto', 'over',
  'under', 'between', 'against', 'during', 'through', 'his', 'her', 'their', 'its', 'our', 'my',
  'your', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'could',
  'should', 'may', 'might', 'must', 'can', 'said', 'says', 'not', 'also', 'very', 'more', 'most',
  'this', 'these', 'those', 'such', 'both', 'either', 'neither', 'all', 'some', 'any', 'per', 'via',
  'amid', 'among', 'despite', 'toward', 'towards', 'upon', 'within', 'whether', 'so', 'yet',
]);

/** Markers of list items in a dump. */
export const LIST_ITEM = /^(?:[-*•–—▪●]\s+|(\d{1,3})[.)]\s+)/;
