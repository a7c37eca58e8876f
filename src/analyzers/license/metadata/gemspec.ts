import { err, ok } from '../../../core/result.js';
import { normalizeLicense, normalizeLicenseList } from '../spdx.js';
import { tooLarge } from './paths.js';
import type { MetadataReader, PackageMetadata } from './types.js';

/**
 * A gemspec is Ruby code, and Ruby is never run here: the reader looks for the literal
 * assignments that `gem build` and RubyGems' installed `specifications/*.gemspec` write,
 * `spec.name = "rake"`, `s.version = "13.0.6"`, `s.license = "MIT"`,
 * `s.licenses = ["MIT".freeze, "Ruby".freeze]`, `s.licenses = %w[MIT Apache-2.0]`.
 * A value computed by code (`Rake::VERSION`) is not known and left out.
 */
const ASSIGNMENT = /^\s*[a-z_]\w*\.(name|version|license|licenses)\s*=\s*(.+)$/;
const QUOTED = /"([^"\\\n]*)"|'([^'\\\n]*)'|%q\{([^}\n]*)\}|%q\(([^)\n]*)\)/g;
const WORD_ARRAY = /^%w[[({]([^\])}\n]*)[\])}]/;

/** The string literals at the start of a Ruby value: one for `"x"`, several for `["a", "b"]`. */
function stringLiterals(value: string): string[] {
  const words = WORD_ARRAY.exec(value);
  if (words?.[1] !== undefined) return words[1].split(/\s+/).filter((word) => word !== '');
  const start = value.trimStart();
  if (!/^["'[%]/.test(start)) return [];
  const literals: string[] = [];
  for (const match of start.matchAll(QUOTED)) {
    const literal = match[1] ?? match[2] ?? match[3] ?? match[4];
    if (literal !== undefined) literals.push(literal);
    // A single value ends at its closing quote; only an array holds more.
    if (!start.startsWith('[')) break;
  }
  return literals;
}

interface GemFields {
  name?: string;
  version?: string;
  licenses?: string[];
}

function scanGemspec(text: string): GemFields {
  const fields: GemFields = {};
  for (const line of text.split(/\r?\n/)) {
    const match = ASSIGNMENT.exec(line);
    const [, field, value] = match ?? [];
    if (field === undefined || value === undefined) continue;
    const literals = stringLiterals(value);
    if (literals.length === 0) continue;
    const [first = ''] = literals;
    if (field === 'name') fields.name = first;
    else if (field === 'version') fields.version = first;
    else if (field === 'license') fields.licenses = [first];
    else fields.licenses = literals;
  }
  return fields;
}

/** `specifications/nokogiri-1.15.4-x86_64-linux.gemspec` → nokogiri, 1.15.4-x86_64-linux. */
function splitFileName(path: string): { name: string; version?: string } {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.gemspec$/, '');
  const match = /^(.+?)-(\d[^/]*)$/.exec(base);
  return match?.[1] !== undefined && match[2] !== undefined ? { name: match[1], version: match[2] } : { name: base };
}

function declaredLicenses(licenses: readonly string[]): string[] {
  if (licenses.length === 1) {
    const single = normalizeLicense(licenses[0]);
    return single.raw === '' ? [] : [single.expression ?? single.raw];
  }
  // Several licenses in a gemspec mean the gem is offered under each of them: alternatives.
  return normalizeLicenseList(licenses);
}

function readGemspec(path: string, text: string): ReturnType<MetadataReader['read']> {
  const problem = tooLarge(path, text);
  if (problem) return err(problem);
  const fields = scanGemspec(text);
  const fromFile = splitFileName(path);
  const name = fields.name ?? fromFile.name;
  if (name === '') return ok([]);
  // A version from the file name only when the name came from it too: a source gemspec is `foo.gemspec`.
  const version = fields.version ?? (fields.name === undefined || fields.name === fromFile.name ? fromFile.version : undefined);
  const found: PackageMetadata = {
    ecosystem: 'RubyGems',
    name,
    ...(version === undefined ? {} : { version }),
    licenses: declaredLicenses(fields.licenses ?? []),
  };
  return ok([found]);
}

export const gemspecReader: MetadataReader = {
  id: 'rubygems/gemspec',
  ecosystem: 'RubyGems',
  matches: (path) => path.endsWith('.gemspec'),
  read: readGemspec,
};
