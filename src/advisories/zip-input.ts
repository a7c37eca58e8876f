import yauzl from 'yauzl';
import { formatLimit } from '../util/describe.js';
import { checkSignal, printable, spend, type Budget } from './budget.js';

/** One `.json` entry of an archive: its bytes, or why they were not read. */
export type ZipEntryContent = { readonly name: string; readonly bytes: Buffer } | { readonly name: string; readonly reason: string };

async function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, name: string, budget: Budget, path: string): Promise<Buffer> {
  const stream = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    spend(budget, chunk.length, path);
    size += chunk.length;
    // yauzl already stops an entry that inflates past its declared size; this is the backstop.
    if (size > budget.limits.maxRecordBytes) {
      stream.destroy();
      throw new Error(`entry ${name} inflates past ${formatLimit(budget.limits.maxRecordBytes)}`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The `.json` entries of a zip archive, in archive order. Entry names are only labels: nothing is
 * written to disk, so `../` or absolute names are harmless and read like any other. Every
 * inflated byte counts against the import's budget.
 */
export async function* readZipEntries(path: string, budget: Budget): AsyncGenerator<ZipEntryContent> {
  // decodeStrings off: yauzl would reject the whole archive over one odd entry name.
  const zip = await yauzl.openPromise(path, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: true });
  try {
    for await (const entry of zip.eachEntry()) {
      checkSignal(budget);
      const name = printable(yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false));
      if (!name.toLowerCase().endsWith('.json')) continue;
      if (entry.isEncrypted()) {
        yield { name, reason: 'encrypted' };
      } else if (!entry.canDecodeFileData()) {
        yield { name, reason: `compression method ${entry.compressionMethod} is not supported` };
      } else if (entry.uncompressedSize > budget.limits.maxRecordBytes) {
        yield { name, reason: `larger than ${formatLimit(budget.limits.maxRecordBytes)}` };
      } else {
        yield { name, bytes: await readEntry(zip, entry, name, budget, path) };
      }
    }
  } finally {
    zip.close();
  }
}
