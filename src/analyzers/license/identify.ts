import { licenseCorpus, type LicenseCorpus, type LicenseTemplate } from './license-corpus.js';
import { licenseWords } from './text-words.js';

export interface LicenseMatch {
  /** SPDX id. */
  readonly license: string;
  /** Sørensen–Dice similarity of word pairs with the SPDX text, 0–1 (three decimals). */
  readonly confidence: number;
}

/**
 * Below this the text is something else: a README with a license section, a license with a
 * rider, a license SPDX does not list. Measured on the fixtures: a license as projects ship it
 * (own copyright line, reflowed, Markdown, Apache without its appendix) scores above 0.9; the
 * nearest wrong SPDX text of a family (BSD-2-Clause for a BSD-3-Clause file) scores below this
 * file's own text by 0.05 or more, which the "best wins" rule settles.
 */
const MIN_CONFIDENCE = 0.8;
/** Templates compared word pair by word pair; the rest are ruled out by the cheap word index. */
const CANDIDATE_COUNT = 12;
/** Fewer words than the shortest common license (0BSD has ~50) cannot be one. */
const MIN_WORDS = 25;
/**
 * A word pair is the number `first · factor + second`. With factor 2^15 every pair is a small
 * integer, which a Set hashes several times faster than a larger number. Words the SPDX texts do
 * not use are hashed into the ids above the vocabulary: they never match a template, so a
 * collision among them only merges two pairs that would not have matched anyway.
 */
const SMALL_PAIR_FACTOR = 2 ** 15;
const UNSEEN_WORD_SLOTS = 4_096;

function pairFactor(vocabularySize: number): number {
  return vocabularySize + UNSEEN_WORD_SLOTS <= SMALL_PAIR_FACTOR ? SMALL_PAIR_FACTOR : 2 ** 21;
}

/** Ids preferred when several SPDX ids share one text. */
const COMMON_IDS = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'BSD-2-Clause', 'ISC', '0BSD', 'MPL-2.0', 'Unlicense', 'CC0-1.0'];

const templatePairs = new WeakMap<LicenseTemplate, Set<number>>();

function wordPairs(words: ArrayLike<number>, factor: number): Set<number> {
  const pairs = new Set<number>();
  for (let i = 1; i < words.length; i += 1) pairs.add((words[i - 1] ?? 0) * factor + (words[i] ?? 0));
  return pairs;
}

function pairsOf(template: LicenseTemplate, factor: number): Set<number> {
  let pairs = templatePairs.get(template);
  if (!pairs) {
    pairs = wordPairs(template.words, factor);
    templatePairs.set(template, pairs);
  }
  return pairs;
}

function hashWord(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i += 1) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) >>> 0;
  return hash;
}

/** Word ids of the text; a word no license uses gets an id above the vocabulary, below `factor`. */
function toWordIds(words: readonly string[], vocabulary: ReadonlyMap<string, number>, factor: number): Uint32Array {
  const unseenSlots = factor - vocabulary.size;
  return Uint32Array.from(words, (word) => vocabulary.get(word) ?? vocabulary.size + (hashWord(word) % unseenSlots));
}

/** Templates ranked by cosine similarity of their rare words with the text's, best first. */
function candidates(corpus: LicenseCorpus, wordIds: Uint32Array): LicenseTemplate[] {
  const shared = new Float64Array(corpus.templates.length);
  const touched: number[] = [];
  let queryNorm = 0;
  for (const id of new Set(wordIds)) {
    const posting = corpus.postings.get(id);
    const weight = corpus.weights[id] ?? 0;
    if (!posting || weight === 0) continue;
    queryNorm += weight;
    for (const template of posting) {
      if (shared[template] === 0) touched.push(template);
      shared[template] = (shared[template] ?? 0) + weight;
    }
  }
  const ranked = touched.flatMap((index) => {
    const template = corpus.templates[index];
    return template ? [{ template, score: (shared[index] ?? 0) / Math.sqrt(template.norm * queryNorm) }] : [];
  });
  ranked.sort((a, b) => b.score - a.score);
  return ranked.slice(0, CANDIDATE_COUNT).map((entry) => entry.template);
}

function dice(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const pair of small) if (large.has(pair)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/**
 * The GNU licenses' "How to Apply These Terms" appendix quotes the "or (at your option) any later
 * version" notice as an example, so it is cut out before looking for the notice. It ends with a
 * sentence known per license; without one, it runs to the end of the text.
 */
const APPENDIX_START = 'how to apply these terms to your new';
const APPENDIX_ENDS = [
  'library general public license instead of this license',
  'why not lgpl html',
  'that s all there is to it',
  'apply and follow the gnu agpl',
];
const OR_LATER_NOTICE = 'at your option any later version';

function hasOrLaterNotice(words: readonly string[]): boolean {
  let text = words.join(' ');
  const start = text.indexOf(APPENDIX_START);
  if (start >= 0) {
    const ends = APPENDIX_ENDS.map((end) => ({ end, at: text.indexOf(end, start) })).filter((found) => found.at >= 0);
    const first = ends.sort((a, b) => a.at - b.at)[0];
    text = `${text.slice(0, start)} ${first ? text.slice(first.at + first.end.length) : ''}`;
  }
  return text.includes(OR_LATER_NOTICE);
}

/**
 * One id for a text several ids share. The text of a GNU license cannot say "only" or "or later":
 * that is the program's notice, so `-or-later` needs the notice beside the text, else `-only`.
 */
function chooseId(ids: readonly string[], words: readonly string[]): string | undefined {
  // The GFDL texts are shared by six ids each: the plain `GFDL-1.3-only` is the shortest.
  const shortest = (suffix: string): string | undefined =>
    ids.filter((id) => id.endsWith(suffix)).sort((a, b) => a.length - b.length)[0];
  const only = shortest('-only');
  const orLater = shortest('-or-later');
  if (only !== undefined && orLater !== undefined) return hasOrLaterNotice(words) ? orLater : only;
  return ids.find((id) => COMMON_IDS.includes(id)) ?? ids[0];
}

/**
 * Which SPDX license a license file's text is, compared with the texts in spdx-license-list
 * (loaded on first call). Undefined when no SPDX text is close enough, or the texts cannot be
 * loaded. Texts over 256 KB are cut.
 */
export function identifyLicenseText(text: string): LicenseMatch | undefined {
  const corpus = licenseCorpus();
  if (!corpus) return undefined;
  const words = licenseWords(text);
  if (words.length < MIN_WORDS) return undefined;
  const factor = pairFactor(corpus.vocabulary.size);
  const wordIds = toWordIds(words, corpus.vocabulary, factor);
  const pairs = wordPairs(wordIds, factor);
  let best: { template: LicenseTemplate; score: number } | undefined;
  for (const template of candidates(corpus, wordIds)) {
    const templatePairSet = pairsOf(template, factor);
    // Dice cannot exceed 2·min/sum of the two sizes: skip texts of a very different length.
    const bound = (2 * Math.min(templatePairSet.size, pairs.size)) / (templatePairSet.size + pairs.size);
    if (bound < Math.max(MIN_CONFIDENCE, best?.score ?? 0)) continue;
    const score = dice(pairs, templatePairSet);
    if (!best || score > best.score) best = { template, score };
  }
  if (!best || best.score < MIN_CONFIDENCE) return undefined;
  const license = chooseId(best.template.ids, words);
  return license === undefined ? undefined : { license, confidence: Math.round(best.score * 1000) / 1000 };
}
