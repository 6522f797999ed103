
/**
 * The data tables quote attribution reads by: speech verbs and their forms, titles, role and
 * organisation nouns, pronouns. Extend a table rather than the logic.
 */
import { lookup } from '../lookup.js';

/** Verbs that report speech or writing, every form a news story uses. */
export const SPEECH_VERBS: Readonly<Record<string, readonly string[]>> = lookup({
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  write: ['write', 'writes', 'wrote', 'writing', 'written'],
  state: ['state', 'states', 'stated', 'stating'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  note: ['note', 'notes', 'noted', 'noting'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  answer: ['answer', 'answers', 'answered', 'answering'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  respond: ['respond', 'responds', 'responded', 'responding'],
  recall: ['recall', 'recalls', 'recalled', 'recalling'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  testify: ['testify', 'testifies', 'testified', 'testifying'],
  post: ['post', 'posts', 'posted', 'posting'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  continue: ['continue', 'continues', 'continued', 'continuing'],
  conclude: ['conclude', 'concludes', 'concluded', 'concluding'],
  suggest: ['suggest', 'suggests', 'suggested', 'suggesting'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  stress: ['stress', 'stresses', 'stressed', 'stressing'],
  emphasise: ['emphasise', 'emphasises', 'emphasised', 'emphasising', 'emphasize', 'emphasizes', 'emphasized', 'emphasizing'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  promise: ['promise', 'promises', 'promised', 'promising'],
  vow: ['vow', 'vows', 'vowed', 'vowing'],
  concede: ['concede', 'concedes', 'conceded', 'conceding'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  call: ['call', 'calls', 'called', 'calling'],
  describe: ['describe', 'describes', 'described', 'describing'],
  shout: ['shout', 'shouts', 'shouted', 'shouting'],
  whisper: ['whisper', 'whispers', 'whispered', 'whispering'],
  joke: ['joke', 'jokes', 'joked', 'joking'],
  boast: ['boast', 'boasts', 'boasted', 'boasting'],
  complain: ['complain', 'complains', 'complained', 'complaining'],
  lament: ['lament', 'laments', 'lamented', 'lamenting'],
  remark: ['remark', 'remarks', 'remarked', 'remarking'],
  observe: ['observe', 'observes', 'observed', 'observing'],
  counter: ['counter', 'counters', 'countered', 'countering'],
  quip: ['quip', 'quips', 'quipped', 'quipping'],
  caution: ['caution', 'cautions', 'cautioned', 'cautioning'],
  report: ['report', 'reports', 'reported', 'reporting'],
  plead: ['plead', 'pleads', 'pleaded', 'pleading'],
  assert: ['assert', 'asserts', 'asserted', 'asserting'],
  contend: ['contend', 'contends', 'contended', 'contending'],
  maintain: ['maintain', 'maintains', 'maintained', 'maintaining'],
  reiterate: ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  allege: ['allege', 'alleges', 'alleged', 'alleging'],
  accuse: ['accuse', 'accuses', 'accused', 'accusing'],
  brand: ['brand', 'brands', 'branded', 'branding'],
  dismiss: ['dismiss', 'dismisses', 'dismissed', 'dismissing'],
  welcome: ['welcome', 'welcomes', 'welcomed', 'welcoming'],
  praise: ['praise', 'praises', 'praised', 'praising'],
  criticise: ['criticise', 'criticises', 'criticised', 'criticising', 'criticize', 'criticizes', 'criticized', 'criticizing'],
  tout: ['tout', 'touts', 'touted', 'touting'],
  describe_as: ['characterize', 'characterizes', 'characterized', 'characterise', 'characterised'],
  exclaim: ['exclaim', 'exclaims', 'exclaimed'],
  muse: ['muse', 'muses', 'mused'],
  recount: ['recount', 'recounts', 'recounted'],
  reflect: ['reflect', 'reflects', 'reflected'],
  scoff: ['scoff', 'scoffs', 'scoffed'],
  sigh: ['sigh', 'sighs', 'sighed'],
  laugh: ['laugh', 'laughs', 'laughed'],
  text: ['texted', 'emailed', 'messaged'],
  tell_off: ['retorted', 'snapped', 'fumed', 'raged', 'bristled', 'mocked', 'teased', 'chided'],
  put: ['put it', 'puts it'],
  point: ['pointed out', 'points out'],
  go_on: ['went on', 'goes on'],
  quote: ['quoted as saying', 'was quoted as saying', 'is quoted as saying'],
  promise_to: ['pledged', 'pledges', 'pledge'],
  hope: ['hoped', 'hopes', 'hope'],
  believe: ['believes', 'believed'],
  think: ['thinks', 'thought'],
  feel: ['feels', 'felt'],
  find: ['found', 'finds'],
  rule: ['ruled', 'rules'],
  determine: ['determined'],
});

/** The phrase that attributes without a verb: `according to NASA`. */
export const ACCORDING_TO = /\baccording\s+to\s+/i;

/** Titles that stand before a name and are not part of it (`President Donald Trump`). */
export const TITLES: ReadonlySet<string> = new Set([
  'president', 'vice', 'prime', 'minister', 'chancellor', 'secretary', 'senator', 'sen', 'rep', 'representative',
  'gov', 'governor', 'mayor', 'judge', 'justice', 'chief', 'general', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt',
  'adm', 'dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'pope', 'king', 'queen', 'prince', 'princess',
  'sir', 'dame', 'lord', 'lady', 'rev', 'reverend', 'father', 'coach', 'officer', 'detective', 'inspector',
  'superintendent', 'commissioner', 'ambassador', 'speaker', 'leader', 'deputy', 'foreign', 'defense', 'defence',
  'interior', 'finance', 'health', 'attorney', 'premier', 'sheikh', 'emir', 'crown', 'archbishop', 'bishop',
  'rabbi', 'imam', 'ceo', 'chairman', 'chairwoman', 'director', 'commander', 'marshal', 'councillor',
  'councilman', 'councilwoman', 'assemblyman', 'assemblywoman', 'congressman', 'congresswoman', 'lieutenant',
  'colonel', 'major', 'captain', 'sergeant', 'admiral', 'constable', 'corporal', 'private', 'trooper', 'agent',
  'senior', 'former', 'acting', 'state', 'federal', 'district', 'u.s.', 'us', 'u.k.', 'uk', 'eu', 'un', 'former',
  'presidential', 'press', 'assistant', 'associate', 'executive', 'managing', 'head', 'chair', 'founder',
  'dean', 'provost', 'sheriff', 'prosecutor', 'magistrate', 'lawmaker', 'mp', 'mep', 'minority', 'majority',
  'whip', 'treasurer', 'comptroller', 'auditor', 'cardinal', 'patriarch', 'metropolitan', 'grand', 'ayatollah',
  'first', 'second', 'lady', 'madam', 'st', 'saint', 'dj', 'mc', 'democrat', 'republican', 'independent',
  'tory', 'undersecretary', 'secretary-general', 'spokesman', 'spokeswoman', 'spokesperson', 'regulars', 'veteran',
]);

/** First words that make a capitalised run a place or thing, not a person (`New York`, `World War`). */
export const NOT_PERSON_START: ReadonlySet<string> = new Set([
  'new', 'south', 'north', 'east', 'west', 'united', 'san', 'los', 'las', 'saudi', 'hong', 'sri', 'costa', 'el',
  'puerto', 'nazi', 'soviet', 'middle', 'white', 'red', 'wall', 'silicon', 'supreme', 'world', 'great', 'central',
  'northern', 'southern', 'eastern', 'western', 'upper', 'lower', 'royal', 'national', 'federal', 'european',
  'democratic', 'republican', 'labour', 'conservative', 'liberal', 'green', 'holy', 'high', 'lake', 'mount',
  'fort', 'port', 'cape', 'st.', 'old', 'big', 'downing', 'capitol', 'pacific', 'atlantic', 'arctic', 'indian',
  'black', 'baltic', 'persian', 'gulf', 'inner', 'greater', 'tel', 'buenos', 'rio', 'sao', 'são', 'kuala', 'abu',
  'ho', 'addis', 'cape', 'premier', 'champions', 'olympic', 'grand', 'formula', 'christmas', 'easter', 'black',
  'covid', 'state', 'city', 'county', 'district', 'air', 'star', 'prime', 'the',
]);

/** Words that make a name an organisation (`Defense Ministry`, `Acme Corp.`). */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set([
  'ministry', 'department', 'agency', 'company', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'group',
  'council', 'committee', 'commission', 'court', 'police', 'government', 'office', 'service', 'bureau',
  'administration', 'party', 'union', 'bank', 'fund', 'university', 'institute', 'association', 'organization',
  'organisation', 'foundation', 'board', 'authority', 'club', 'team', 'league', 'federation', 'network',
  'channel', 'newspaper', 'airline', 'airlines', 'embassy', 'kremlin', 'pentagon', 'parliament', 'senate',
  'congress', 'assembly', 'military', 'army', 'navy', 'forces', 'guard', 'firm', 'studio', 'hospital',
  'school', 'campaign', 'coalition', 'alliance', 'cabinet', 'palace', 'house', 'secretariat', 'prosecutors',
  'prosecutor\'s', 'regulator', 'watchdog', 'spokesperson', 'museum', 'council', 'trust', 'charity',
  'society', 'centre', 'center', 'laboratory', 'lab', 'systems', 'technologies', 'motors', 'holdings',
  'partners', 'media', 'times', 'news', 'post', 'journal', 'tribune', 'herald', 'telegraph', 'guardian',
  'clinic', 'church', 'mission', 'command', 'corps', 'brigade', 'regiment', 'unit', 'directorate', 'fc',
  'exchange', 'reserve', 'treasury', 'chamber', 'tribunal', 'judiciary', 'station', 'port', 'council',
  'academy', 'college', 'power', 'energy', 'electric', 'utilities', 'airways', 'foods', 'pharmaceuticals', 'pharma',
  'capital', 'ventures', 'labs', 'dynamics', 'industries', 'entertainment', 'records', 'studios', 'games', 'bancorp',
  'insurance', 'railways', 'rail', 'logistics', 'shipping', 'mining', 'steel', 'oil', 'gas', 'petroleum', 'telecom',
  'communications', 'broadcasting', 'hotels', 'resorts', 'united', 'rovers', 'wanderers', 'athletic', 'albion',
  'hotspur', 'fc', 'cf', 'sc', 'patrol', 'service', 'management', 'security', 'network', 'initiative', 'project',
  'forum', 'institution', 'observatory', 'magazine', 'review', 'gazette', 'courier', 'ledger', 'chronicle', 'daily',
  'weekly', 'press', 'radio', 'tv', 'television', 'agency', 'commission', 'stompers', 'orchestra', 'choir',
  'stores', 'supermarkets', 'brewery', 'bakery', 'cafe', 'restaurant', 'pub', 'hotel', 'inn', 'market', 'mall',
  'motors', 'automotive', 'aerospace', 'airlines', 'systems', 'solutions', 'services', 'group', 'holdings',
  'american', 'scientific', 'pictures', 'films', 'productions', 'studios', 'records', 'publishing', 'books', 'ai',
  'light', 'water', 'transit', 'health',
]);

/** Pronouns that stand for a speaker, and whom they fit. */
export const PRONOUNS: Readonly<Record<string, 'male' | 'female' | 'plural'>> = lookup({
  he: 'male', she: 'female', they: 'plural', him: 'male', her: 'female', them: 'plural',
});

/** Words that tell a person's gender (roles, honorifics, kinship), for resolving `he` and `she`. */
export const GENDER_WORDS: Readonly<Record<string, 'male' | 'female'>> = lookup({
  mr: 'male', sir: 'male', lord: 'male', king: 'male', prince: 'male', father: 'male', son: 'male', husband: 'male',
  brother: 'male', grandfather: 'male', uncle: 'male', nephew: 'male', man: 'male', boy: 'male', spokesman: 'male',
  chairman: 'male', congressman: 'male', businessman: 'male', councilman: 'male', assemblyman: 'male', actor: 'male',
  widower: 'male', boyfriend: 'male', dad: 'male', emperor: 'male', duke: 'male', baron: 'male',
  mrs: 'female', ms: 'female', miss: 'female', madam: 'female', dame: 'female', lady: 'female', queen: 'female',
  princess: 'female', mother: 'female', daughter: 'female', wife: 'female', sister: 'female', grandmother: 'female',
  aunt: 'female', niece: 'female', woman: 'female', girl: 'female', spokeswoman: 'female', chairwoman: 'female',
  congresswoman: 'female', businesswoman: 'female', councilwoman: 'female', assemblywoman: 'female', actress: 'female',
  widow: 'female', girlfriend: 'female', mom: 'female', mum: 'female', empress: 'female', duchess: 'female', baroness: 'female',
});

/** Phrases for two or more people at once: `the two leaders`, `both men`, `the pair`. */
export const COLLECTIVE = /^(?:the\s+)?(?:two|three|both|pair|duo)\b|^(?:the\s+)?(?:leaders|presidents|ministers|senators|men|women|couple|brothers|sisters|co-founders|co-authors|researchers|authors|scientists)$/i;

/** Determiners and nouns of people the story does not name: `a senior official`, `one resident`. */
export const UNNAMED = /^(?:a|an|one|some|several|many|other|another|two|three|four|five|most|few|senior|local|western)\b|^(?:officials|sources|residents|experts|analysts|witnesses|critics|protesters|supporters|observers|people|neighbours|neighbors|villagers|diplomats|lawmakers|investors|economists|traders|doctors|activists|locals|fans|students|parents|workers|users|others|many|some)\b/i;

/** Words right before a quoted span that make it a word, never speech: `the so-called "experts"`, `the word "woke"`. */
export const WORD_AS_WORD = /\b(?:so-called|titled|entitled|codenamed|code-named|hashtag|slogan|catchphrase|motto|word|words|term|terms|phrase|label|spelled|spelt|(?:known|referred\s+to|billed|marketed|listed|registered)(?:\s+\w+){0,3}?\s+as)\s+(?:(?:the|a|an)\s+)?$/i;

/** Verbs that give a name: a Title Case quote after them is a name (`nicknamed the lander "Wendy"`), a lower-case one may be speech. */
export const NAMING_VERBS = /\b(?:nicknamed|dubbed|named|christened|renamed|called|calls|call|branded|dubs)\s+(?:(?:the|a|an|his|her|their|its|it|him|them)\s+)?(?:[\p{L}'’-]+\s+){0,2}?$/iu;

/** Nouns of titled things: a Title Case quote right after one is a title (`the film "Oppenheimer"`). */
export const TITLE_NOUNS = /\b(?:film|movie|book|novel|memoir|song|album|single|series|show|sitcom|play|opera|musical|documentary|poem|painting|exhibition|exhibit|podcast|programme|program|operation|headline|column|essay|episode|game|app|brand|banner|sign|t-shirt|hit|track|anthem|chant|dish|cocktail|ballad|sculpture|installation|report|study|paper|bill|act|law|initiative|plan|project|mission|campaign|tour|festival|collection|called|named|group|company|band|team|movement|party|organization|organisation|newsletter|blog|magazine|channel|account|feature|segment|ride|ship|vessel|yacht|horse|boat|building|tower|restaurant|bar|store|shop|product|model|version|edition|award|prize|category|event|conference|summit|drill|exercise|strategy|doctrine|rule|clause|provision|amendment|treaty|pact|accord|deal|agreement|declaration|manifesto|charter|statement)\s+(?:(?:the|a|an|his|her|their|its|new|latest|hit|\d{4})\s+)?$/i;

/** What a title says someone is, so "the doctor" finds "Dr. Carmela Reyes-Tan". */
export const TITLE_ROLES: Readonly<Record<string, readonly string[]>> = lookup({
  dr: ['doctor'], prof: ['professor'], gov: ['governor'], sen: ['senator'], rep: ['representative', 'congressman', 'congresswoman', 'lawmaker'],
  capt: ['captain'], sgt: ['sergeant'], lt: ['lieutenant'], col: ['colonel'], gen: ['general'], adm: ['admiral'], rev: ['reverend'],
  president: ['president', 'leader'], 'prime': ['prime minister', 'minister', 'leader'], senator: ['senator', 'lawmaker'], mayor: ['mayor'],
  judge: ['judge'], justice: ['justice', 'judge'], coach: ['coach'], chancellor: ['chancellor', 'leader'], minister: ['minister'],
  councilman: ['councilman', 'lawmaker'], councilwoman: ['councilwoman', 'lawmaker'], congressman: ['congressman', 'lawmaker'],
  congresswoman: ['congresswoman', 'lawmaker'], ceo: ['chief', 'executive', 'ceo', 'boss'],
});

/** Nouns that stand for an organisation the story has named: "the company", "the utility". */
export const ORGANISATION_NOUNS: ReadonlySet<string> = new Set([
  'company', 'firm', 'startup', 'utility', 'club', 'team', 'department', 'agency', 'ministry', 'government', 'council',
  'union', 'league', 'university', 'hospital', 'school', 'district', 'authority', 'regulator', 'bank', 'airline',
  'network', 'court', 'office', 'service', 'party', 'campaign', 'group', 'organization', 'organisation', 'charity',
  'retailer', 'manufacturer', 'carmaker', 'automaker', 'insurer', 'lender', 'broadcaster', 'newspaper', 'publisher',
  'developer', 'operator', 'airport', 'museum', 'zoo', 'patrol', 'bureau', 'commission', 'committee', 'board',
  'foundation', 'institute', 'association', 'federation', 'label', 'studio', 'band', 'brand', 'chain', 'giant',
  'maker', 'platform', 'app', 'exchange', 'fund', 'trust', 'church', 'embassy', 'army', 'military', 'navy', 'police',
  'county', 'city', 'state', 'administration', 'white house', 'kremlin', 'prosecutors', 'prosecution', 'defense', 'defence',
  'jury', 'panel', 'tribunal', 'sheriff', 'festival', 'shelter', 'center', 'centre', 'clinic', 'lab', 'laboratory',
]);

/** Common first names and the gender they usually tell, for `he` and `she`; extend freely. */
export const FIRST_NAMES: Readonly<Record<string, 'male' | 'female'>> = lookup(Object.fromEntries([
  ...'james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan arthur lawrence jordan jesse bryan billy bruce gabriel joe logan alan juan albert willie elijah wayne randy vincent mason roy ralph bobby russell bradley philip eugene tom tim dale dave ben sam mike jim bob bill ted ed vladimir dmitry sergei yury yuri boris igor alexei alexey mikhail ivan nikolai viktor oleg andrei pavel volodymyr emmanuel olaf rishi keir boris xi narendra recep benjamin joe kamala ahmed mohammed muhammad ali omar hassan hussein mustafa ibrahim yusuf khalid tariq jamshid farrukh ramon carlos luis jorge miguel pedro pablo diego javier marco giuseppe giovanni luca francesco hans klaus jurgen wolfgang pierre jean jacques francois louis henri lars sven erik olav hiroshi takeshi kenji wei jun hao raj rahul amit sanjay arjun vikram kwame kofi chinedu emeka oluwaseun peter samuel joseph devin marcus terrell colin hank rick mark dan liam oliver harry jamie callum connor owen lewis declan niall rory'.split(' ').map((n) => [n, 'male'] as const),
  ...'mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori jane janet kate katie beth liz sue jan jill meg ellie chloe lucy ella amelia mia ava zoe natalia olga irina tatiana svetlana elena ekaterina yulia anastasia marina maria ursula angela kamala hillary nancy giorgia marine ana sofia lucia carmen isabel paula marta francesca giulia chiara ingrid astrid sigrid yuki keiko mei ling priya anjali sunita aisha fatima zainab amina leila layla nadia yasmin mariam ngozi chioma amara wanjiru akosua renata deb carla keisha tamika lourdes marites carmela josephine kamila denise sharon linda priya'.split(' ').map((n) => [n, 'female'] as const),
]));

/** Verbs that also work as nouns or adjectives: they only count right next to their subject. */
export const WEAK_VERBS = new Set(['call', 'calls', 'post', 'posts', 'report', 'reports', 'state', 'states', 'note', 'notes', 'answer', 'remark', 'remarks', 'counter', 'plead', 'warning', 'promise', 'hope', 'hopes', 'hoped', 'thought', 'feel', 'felt', 'believed', 'believes', 'text', 'add', 'welcome', 'continue', 'pledge', 'caution', 'laugh', 'joke', 'stress', 'sigh', 'deny', 'reflect', 'writing', 'saying', 'written', 'telling', 'calling', 'posting', 'reporting', 'promising', 'continuing', 'answering']);

/** Is a word filler? Not "May" or "Will" written with a capital: after a quote they are names (`"…," May said`). */
export const isFiller = (word: string): boolean => FILLER.has(word.toLowerCase()) && !/^(?:May|Will)$/.test(word);

/** Words between a subject and its verb that say nothing about who spoke. */
export const FILLER = new Set(['also', 'later', 'then', 'previously', 'repeatedly', 'once', 'has', 'had', 'have', 'would', 'will', 'was', 'is', 'were', 'are', 'separately', 'recently', 'earlier', 'further', 'again', 'himself', 'herself', 'themselves', 'itself', 'simply', 'flatly', 'publicly', 'privately', 'angrily', 'bluntly', 'quietly', 'firmly', 'even', 'just', 'only', 'still', 'already', 'since', 'often', 'frequently', 'reportedly', 'allegedly', 'apparently', 'last', 'week', 'month', 'year', 'on', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'yesterday', 'today', 'tonight', 'in', 'a', 'an', 'the', 'statement', 'interview', 'has', 'been', 'being', 'did', 'does', 'do', 'not', 'never', 'always', 'who', 'could', 'should', 'might', 'may', 'must', 'can', 'reportedly', 'told', 'quickly', 'immediately', 'bitterly', 'proudly', 'calmly', 'softly', 'loudly', 'openly', 'candidly', 'drily', 'dryly', 'wryly', 'tearfully', 'emotionally', 'sharply', 'strongly', 'now', 'too']);

/** Words that end the noun phrase after an inverted verb (`said Yury Ushakov, according to …`). */
export const NP_STOP = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'according', 'told', 'to', 'when', 'while', 'as', 'who', 'which', 'adding', 'noting', 'but', 'that', 'because', 'since', 'from', 'via', 'of', 'about', 'with', 'for', 'last', 'this', 'earlier', 'later', 'speaking', 'referring', 'citing', 'though', 'although', 'if', 'where', 'whose', 'warning', 'explaining', 'insisting', 'urging', 'saying', 'writing', 'describing', 'calling']);

/** Small words that join capitalised ones into one name: "Bank of England", "Ursula von der Leyen". */
/** The months and the days of the week, as written. */
export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
/** A month or a day of the week. */
export const CALENDAR_WORD = new RegExp(`^(?:${[...MONTHS, ...WEEKDAYS].join('|')})$`);
/** A day of the week, which starts or ends no name. */
export const WEEKDAY = new RegExp(`^(?:${WEEKDAYS.join('|')})$`);

export const JOINING: ReadonlySet<string> = new Set(['de', 'da', 'del', 'der', 'van', 'von', 'bin', 'al', 'la', 'le', 'du', 'dos', 'das', 'el', 'ibn', 'of', 'for', '&']);

export const KEEPS_DOT = /^(?:\p{Lu}|Mr|Mrs|Ms|Dr|St|Jr|Sr|Capt|Sgt|Lt|Col|Gen|Gov|Sen|Rep|Rev|Prof|Adm|Maj)$/u;

export const SENTENCE_START_WORDS = /^(?:Once|Enter|Sometimes|Perhaps|Maybe|Instead|Indeed|Overall|Although|Though|Until|Unless|Whether|Because|Whereas|Here|There|Where|What|Why|How|Who|Which|Whose|Meet|Take|Consider|Called|Named|Dubbed|Known|Born|Raised|Based|Given|Faced|Told|Again|Already|Finally|Eventually|Ironically|Unfortunately|Fortunately|Clearly|Obviously|Surely|Certainly|Naturally|Apparently|Notably|Similarly|Likewise|Otherwise|Nonetheless|Nevertheless|Besides|Anyway|Ultimately|Initially|Originally|Currently|Recently|Soon|Never|Always|Often|Usually|The|A|An|In|On|At|But|And|After|Before|When|While|If|As|For|Its|His|Her|Their|This|That|It|He|She|They|We|I|According|Meanwhile|However|Still|Yet|Also|Then|Now|So|Last|Next|Earlier|Later|Since|With|By|From|To|Of|Under|Over|Despite|During|Among|Between|Without|Within|Across|Around|About|Like|Unlike|Some|Many|Most|Both|Each|Every|All|Other|Such|Asked|Speaking|Writing|Appearing|Outside|Inside|Standing|Sitting|Hours|Days|Minutes|Moments|Weeks|Months|Years|Tonight|Today|Yesterday|Tomorrow|On|Even|Only|Just|Not|No|Yes|Dear|Thanks|Thank|Please|Oh|Well)$/;

/**
 * An online handle used as a name: letters with figures (`elmo666`, `jayk1984`) or run-together
 * capitalised words (`ScreamMyName`, `PlutoPete`); not a surname such as McDonald or DeLuca.
 */
export const HANDLE = /^(?!(?:Mc|Mac|De|Di|Da|La|Le|Van|Von|Du)\p{Lu})(?:(?=[\p{L}\d_]*\d)(?=[\p{L}\d_]*\p{Ll})\p{L}[\p{L}\d_]{4,}|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+)$/u;
/** Words that may be handles, for `HANDLE` to judge: a word with a figure or a capital inside it. */
export const HANDLE_LIKE = /(?<![\p{L}\d_@])(?:\p{L}[\p{L}_]*\d[\p{L}\d_]*|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+)(?![\p{L}\d_])/gu;
/** What shows a handle is someone: it speaks (`elmo666 wrote`), or is introduced as a user (`wrote user jayk1984`). */
export const HANDLE_SPEAKS = /^\S+(?:,[^,]{0,80},)?\s+(?:\p{Ll}+\s+){0,2}(?:said|says|told|tells|wrote|writes|posted|added|adds|explained|replied|continued)\b/u;
export const HANDLE_INTRODUCED = /(?:user|buyer|vendor|seller|poster|member|commenter|redditor|username|handle)s?,?\s+$/u;

/**
 * Verbs by which a report ties words to someone without introducing speech (`proposing a "memorandum"`,
 * `condemned the "betrayal"`): beside the speech verbs, they make a short quoted phrase someone's words.
 */
export const REPORTING_VERBS = /\b(?:propos|condemn|criticis|criticiz|blast|decri|decry|blam|prais|demand|reject|label|hail|slam|mock|dubb?|pledg|offer|threaten|ridicul|denounc|lambast|rebuk|scold|applaud|endors|promis|insult|attack)(?:e|es|ed|ing|s|y|ies|ied)?\b/i;

/**
 * Kinds of organisation, by the words that name them: "the ministry" is the department the story
 * named, not the university; "the company" is not the ministry. An organisation with none of
 * these words (Tesco, Auckland Transport) may be of any kind.
 */
export const ORGANISATION_KINDS: Readonly<Record<string, readonly string[]>> = {
  government: ['ministry', 'department', 'agency', 'government', 'office', 'bureau', 'authority', 'regulator', 'council', 'commission',
    'committee', 'administration', 'police', 'court', 'embassy', 'parliament', 'senate', 'congress', 'assembly', 'coastguard'],
  academic: ['university', 'institute', 'centre', 'center', 'school', 'college', 'laboratory', 'lab', 'observatory'],
  company: ['company', 'firm', 'startup', 'corporation', 'corp', 'inc', 'ltd', 'llc', 'plc', 'retailer', 'manufacturer', 'carmaker',
    'automaker', 'insurer', 'lender', 'broadcaster', 'publisher', 'developer', 'operator', 'airline', 'airlines', 'bank', 'chain',
    'giant', 'brand', 'utility', 'studio', 'label', 'supermarket', 'store', 'maker'],
};

/**
 * What words printed on something are introduced by: `a notice says "No cash accepted"`, `the banner
 * read "Welcome home"`, `each issue bore the words, "…"`. Signs, mottos and slogans are nobody's speech.
 */
export const SIGNAGE = /(?:\b(?:sign|signs|signage|notice|notices|banner|banners|placard|placards|poster|posters|billboard|billboards|slogan|slogans|inscription|plaque|graffiti|motto|t-shirts?|shirts?|hats?|caps?|sticker|stickers|label|labels|logo|masthead)\b[^.!?"“”]{0,40}\b(?:read|reads|reading|said|says|saying|declared|declares|proclaimed|proclaims|bore|bears|bearing|displayed|displays|showed|shows)|\b(?:bore|bears|bearing|carried|carries|carrying)\s+the\s+(?:words|legend|message|slogan|motto))\s*[:,]?\s*$/i;

/**
 * Nationalities as nouns and adjectives: `the Spaniard`, `the American`, `the Tunisian` name a person the
 * story already introduced, never an organisation or a new person. One entry a word; extend freely.
 */
export const DEMONYMS: ReadonlySet<string> = new Set(`
afghan albanian algerian american andorran angolan argentine argentinian armenian australian austrian azerbaijani
bahraini bangladeshi barbadian belarusian belgian belizean beninese bolivian bosnian brazilian brit briton british
bulgarian burmese burundian cambodian cameroonian canadian chadian chilean chinese colombian congolese croat croatian
cuban cypriot czech dane danish dominican dutch dutchman ecuadorian egyptian emirati englishman englishwoman english
eritrean estonian ethiopian fijian filipino finn finnish frenchman frenchwoman french gabonese gambian georgian german
ghanaian greek grenadian guatemalan guinean guyanese haitian honduran hungarian icelander icelandic indian indonesian
iranian iraqi irishman irishwoman irish israeli italian ivorian jamaican japanese jordanian kazakh kenyan kiwi korean
kosovan kuwaiti kyrgyz laotian latvian lebanese liberian libyan lithuanian luxembourger macedonian malagasy malawian
malaysian malian maltese mauritanian mauritian mexican moldovan mongolian montenegrin moroccan mozambican namibian
nepalese nepali nigerian nigerien norwegian omani pakistani palestinian panamanian paraguayan peruvian pole polish
portuguese qatari romanian russian rwandan salvadoran samoan saudi scot scotsman scotswoman scottish senegalese serb
serbian leonean singaporean slovak slovakian slovenian somali african spaniard spanish lankan
sudanese surinamese swede swedish swiss syrian taiwanese tajik tanzanian thai togolese tongan trinidadian tunisian turk
turkish turkmen ugandan ukrainian uruguayan uzbek venezuelan vietnamese welshman welshwoman welsh yemeni zambian
zimbabwean aussie yank yankee
`.trim().split(/\s+/));

/**
 * Heads of definite descriptions that are no person: documents and findings speak for someone else
 * (`the report said`), and a story's things are not its people.
 */
export const NOT_PERSON_HEADS: ReadonlySet<string> = new Set(`
statement report study survey poll letter document documents paper papers book website site filing lawsuit complaint
ruling judgment judgement verdict research figures data analysis review inquiry memo email note notice release
announcement post tweet message article story editorial column blog video footage film broadcast programme program
show interview transcript speech bill law plan proposal deal agreement contract order decision policy rules guidance
advice warning forecast index sign banner leaflet magazine newspaper paper journal
`.trim().split(/\s+/));

/**
 * Nouns that name a person by what they do or are (`the defender`, `the 23-year-old`, `the chancellor`):
 * by their ending, or one of the words listed. A sentence whose subject is one goes on about someone.
 */
export const PERSON_NOUN = new RegExp(`^(?:[\\p{L}\\d-]*(?:er|or|ist|ian|ant|ent|ess|man|woman|ee|year-old|yr-old)|${`
chief boss coach captain star legend champion official head leader veteran winger keeper striker forward
youngster teenager mother father wife husband son daughter brother sister girl boy man woman lady guy
chairman chairwoman chair founder owner investor actor actress singer rapper artist author writer novelist
minister secretary premier president senator mp judge lawyer doctor nurse officer pilot pope bishop priest
`.trim().split(/\s+/).join('|')})$`, 'u');
