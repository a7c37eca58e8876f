/**
 * The automaton's hot loop as a tiny WebAssembly function: one table load per byte, hits written
 * to an output buffer. About twice the speed of the same loop in JavaScript, whose typed-array
 * accesses carry bounds checks. The module is eleven instructions deep, so its bytecode is written
 * out here rather than built by a toolchain; `keyword-automaton.test.ts` checks it against the
 * JavaScript loop on random input.
 *
 * scan(pos, end, state, firstOutput, table, out, capacity) → hits
 *   for each byte from pos to end: state = table[state * 256 + byte];
 *   if state >= firstOutput: out[hits] = (offset after the byte, state), hits++;
 *   stops early when the output is full; the position and state reached are stored at address 0.
 */

const I32 = 0x7f;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d,
  get: 0x20, set: 0x21, tee: 0x22, load: 0x28, load8u: 0x2d, store: 0x36,
  const: 0x41, geU: 0x4f, add: 0x6a, shl: 0x74, or: 0x72, void: 0x40,
} as const;
// Parameters, then the one local.
const POS = 0, END = 1, STATE = 2, FIRST = 3, TABLE = 4, OUT = 5, CAP = 6, HITS = 7;

function section(id: number, body: number[]): number[] {
  return [id, ...uleb(body.length), ...body];
}

function uleb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v !== 0) byte |= 0x80;
    out.push(byte);
  } while (v !== 0);
  return out;
}

function name(text: string): number[] {
  return [...uleb(text.length), ...Buffer.from(text, 'latin1')];
}

function scanBody(): number[] {
  const code = [
    op.block, op.void,
    op.loop, op.void,
    op.get, POS, op.get, END, op.geU, op.brIf, 1,
    // state = table[(state << 8 | byte) << 2]
    op.get, TABLE,
    op.get, STATE, op.const, 8, op.shl,
    op.get, POS, op.load8u, 0, 0,
    op.or, op.const, 2, op.shl, op.add,
    op.load, 2, 0, op.tee, STATE,
    op.get, POS, op.const, 1, op.add, op.set, POS,
    op.get, FIRST, op.geU,
    op.if, op.void,
    op.get, OUT, op.get, HITS, op.const, 3, op.shl, op.add, op.get, POS, op.store, 2, 0,
    op.get, OUT, op.get, HITS, op.const, 3, op.shl, op.add, op.get, STATE, op.store, 2, 4,
    op.get, HITS, op.const, 1, op.add, op.tee, HITS,
    op.get, CAP, op.geU, op.brIf, 2,
    op.end,
    op.br, 0,
    op.end,
    op.end,
    // Where the scan stopped, for a resumed call.
    op.const, 0, op.get, POS, op.store, 2, 0,
    op.const, 0, op.get, STATE, op.store, 2, 4,
    op.get, HITS,
    op.end,
  ];
  const locals = [1, 1, I32];
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

function moduleBytes(): Uint8Array {
  const type = [1, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 1, I32];
  const imports = [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1];
  const functions = [1, 0];
  const exports = [1, ...name('scan'), 0x00, 0];
  const code = [1, ...scanBody()];
  return Uint8Array.from([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, type), ...section(2, imports), ...section(3, functions), ...section(7, exports), ...section(10, code),
  ]);
}

/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number }) => WasmMemory;
}
const wasm: WasmApi | undefined = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: object | null | undefined;

/** The compiled module, or null where WebAssembly is not available. */
export function keywordScanModule(): object | null {
  if (compiled === undefined) {
    try {
      compiled = wasm === undefined ? null : new wasm.Module(moduleBytes());
    } catch {
      compiled = null; // an engine without WebAssembly: the JavaScript loop serves
    }
  }
  return compiled;
}

const PAGE = 64 * 1024;
const OUT_CAPACITY = 8192;

/** One automaton's table in its own WebAssembly memory, and a scan over any byte buffer. */
export interface WasmKeywordScanner {
  /** Calls `onState(end, state)` for every byte after which `state >= firstOutput`. */
  scan(bytes: Uint8Array, start: number, onState: (end: number, state: number) => void): void;
}

export function createWasmKeywordScanner(delta: Int32Array, firstOutput: number): WasmKeywordScanner | null {
  const module = keywordScanModule();
  if (module === null || wasm === undefined) return null;
  const tableBytes = delta.byteLength;
  const outBytes = OUT_CAPACITY * 8;
  const fixed = 64 + tableBytes + outBytes;
  const memory = new wasm.Memory({ initial: Math.ceil((fixed + PAGE) / PAGE) });
  const instance = new wasm.Instance(module, { env: { memory } });
  const run = instance.exports['scan'] as (pos: number, end: number, state: number, first: number, table: number, out: number, cap: number) => number;
  const tablePtr = 64;
  const outPtr = tablePtr + tableBytes;
  const dataPtr = outPtr + outBytes;
  new Int32Array(memory.buffer, tablePtr, delta.length).set(delta);

  return {
    scan(bytes, start, onState) {
      const needed = dataPtr + bytes.length;
      if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
      new Uint8Array(memory.buffer, dataPtr, bytes.length).set(bytes);
      let pos = dataPtr;
      const end = dataPtr + bytes.length;
      let state = start;
      for (;;) {
        const hits = run(pos, end, state, firstOutput, tablePtr, outPtr, OUT_CAPACITY);
        const out = new Int32Array(memory.buffer, outPtr, hits * 2);
        for (let k = 0; k < hits; k++) onState((out[2 * k] as number) - dataPtr, out[2 * k + 1] as number);
        if (hits < OUT_CAPACITY) return;
        const resume = new Int32Array(memory.buffer, 0, 2);
        pos = resume[0] as number;
        state = resume[1] as number;
        if (pos >= end) return;
      }
    },
  };
}
