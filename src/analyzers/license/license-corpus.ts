import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spdxIds } from './spdx-ids.js';
import { licenseWords } from './text-words.js';

/**
 * The SPDX license texts (from spdx-license-list), as word ids, with an inverted index of their
 * rarer words to pick candidates cheaply. Built once, on the first identification: reading and
 * indexing ~5 MB of text is a cost a scan without license files should not pay.
 */
export interface LicenseTemplate {
  /** Every current SPDX id whose text this is (GPL-3.0-only and GPL-3.0-or-later share one). */
  readonly ids: readonly string[];
  readonly words: Uint32Array;
  /** Sum of the squared weights of the template's indexed words, for cosine similarity. */
  readonly norm: number;
}

export interface LicenseCorpus {
  readonly templates: readonly LicenseTemplate[];
  readonly vocabulary: ReadonlyMap<string, number>;
  /** Template indices by word id, for words rare enough to tell licenses apart. */
  readonly postings: ReadonlyMap<number, Uint16Array>;
  /** Squared inverse document frequency by word id (0 for words not indexed). */
  readonly weights: Float64Array;
}

/** A word in more than this share of the texts ("the", "software") says nothing about which one. */
const MAX_DOCUMENT_SHARE = 0.3;

/**
 * Texts that are distributed in two shapes: the SPDX text of LGPL-3.0 carries GPL-3.0 after it,
 * while projects ship the LGPL part alone (COPYING.LESSER); Apache-2.0 is often shipped without
 * its appendix. Each also gets a template of the part before the marker.
 */
const SHORTER_FORMS: readonly { readonly ids: readonly string[]; readonly before: string }[] = [
  { ids: ['LGPL-3.0-only', 'LGPL-3.0-or-later'], before: '\nGNU GENERAL PUBLIC LICENSE\n' },
  { ids: ['Apache-2.0'], before: '\nAPPENDIX: How to apply the Apache License' },
];

const requireFromHere = createRequire(import.meta.url);

let corpus: LicenseCorpus | undefined;
let loadError: string | undefined;

function readLicenseTexts(): Map<string, string> {
  const path = requireFromHere.resolve('spdx-license-list/spdx-full.json');
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const texts = new Map<string, string>();
  if (data === null || typeof data !== 'object') return texts;
  for (const [id, entry] of Object.entries(data)) {
    const text: unknown = entry !== null && typeof entry === 'object' ? (entry as { licenseText?: unknown }).licenseText : undefined;
    if (typeof text === 'string' && text.trim() !== '') texts.set(id, text);
  }
  return texts;
}

/** Current ids grouped by identical text, plus the shorter forms; deprecated ids are left out. */
function groupTexts(texts: ReadonlyMap<string, string>): Map<string, string[]> {
  const idsByText = new Map<string, string[]>();
  const add = (text: string, id: string): void => {
    const ids = idsByText.get(text);
    if (ids) ids.push(id);
    else idsByText.set(text, [id]);
  };
  for (const id of spdxIds().current) {
    const text = texts.get(id);
    if (text !== undefined) add(text, id);
  }
  for (const form of SHORTER_FORMS) {
    for (const id of form.ids) {
      const text = texts.get(id);
      const cut = text?.indexOf(form.before) ?? -1;
      if (text !== undefined && cut > 0) add(text.slice(0, cut), id);
    }
  }
  return idsByText;
}

function buildCorpus(idsByText: ReadonlyMap<string, readonly string[]>): LicenseCorpus {
  const vocabulary = new Map<string, number>();
  const documentCounts: number[] = [];
  const wordLists: { ids: readonly string[]; words: Uint32Array; distinct: readonly number[] }[] = [];
  for (const [text, ids] of idsByText) {
    const words = Uint32Array.from(licenseWords(text), (word) => {
      let id = vocabulary.get(word);
      if (id === undefined) {
        id = vocabulary.size;
        vocabulary.set(word, id);
        documentCounts.push(0);
      }
      return id;
    });
    const distinct = [...new Set(words)];
    for (const id of distinct) documentCounts[id] = (documentCounts[id] ?? 0) + 1;
    wordLists.push({ ids, words, distinct });
  }
  const count = wordLists.length;
  const weights = new Float64Array(vocabulary.size);
  documentCounts.forEach((documents, id) => {
    if (documents <= count * MAX_DOCUMENT_SHARE) weights[id] = Math.log(count / documents) ** 2;
  });
  const postingLists = new Map<number, number[]>();
  const templates = wordLists.map((list, index): LicenseTemplate => {
    let norm = 0;
    for (const id of list.distinct) {
      const weight = weights[id] ?? 0;
      if (weight === 0) continue;
      norm += weight;
      const posting = postingLists.get(id);
      if (posting) posting.push(index);
      else postingLists.set(id, [index]);
    }
    return { ids: list.ids, words: list.words, norm };
  });
  const postings = new Map([...postingLists].map(([id, list]) => [id, Uint16Array.from(list)]));
  return { templates, vocabulary, postings, weights };
}

/** The corpus, built on first call; undefined when spdx-license-list cannot be read. */
export function licenseCorpus(): LicenseCorpus | undefined {
  if (corpus !== undefined || loadError !== undefined) return corpus;
  try {
    corpus = buildCorpus(groupTexts(readLicenseTexts()));
  } catch (error) {
    // A missing or corrupt spdx-license-list makes identification unavailable, not the scan fail.
    loadError = error instanceof Error ? error.message : String(error);
  }
  return corpus;
}

/** Why the license texts could not be loaded, once a load was tried and failed. */
export function licenseCorpusError(): string | undefined {
  return loadError;
}
