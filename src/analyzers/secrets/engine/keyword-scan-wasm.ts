/**
 * The automaton's hot loop as a tiny WebAssembly module: one table load per byte, hits written to
 * an output buffer. About twice the speed of the same loop in JavaScript, whose typed-array
 * accesses carry bounds checks. The module is a few dozen instructions, so its bytecode is written
 * out here rather than built by a toolchain; `keyword-automaton.test.ts` checks it against the
 * JavaScript loop on random input.
 *
 * scan(pos, end, state, firstOutput, table, out, capacity) → hits
 *   for each byte from pos to end: state = table[state * 256 + byte];
 *   if state >= firstOutput: out[hits] = (offset after the byte, state), hits++;
 *   stops early when the output is full; the position and state reached are stored at address 0.
 *
 * scan2(posA, endA, stateA, posB, stateB, firstOutput, table, outA, outB, capacity) → hitsA
 *   the same over two streams in step, for endA - posA bytes. One byte's table load depends on
 *   the last, so a single stream waits on memory latency at every byte; two independent streams
 *   (the two halves of a buffer) let the processor overlap them, which nearly halves the time.
 *   Stops when either output is full; stores posA, stateA, posB, stateB, hitsB at addresses 0–16.
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

function scan2Body(): number[] {
  const [A_POS, A_END, A_STATE, B_POS, B_STATE, FIRST2, TABLE2, OUT_A, OUT_B, CAP2, HITS_A, HITS_B] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
  // state = table[(state << 8 | byte at pos) << 2]; pos++
  const step = (pos: number, state: number): number[] => [
    op.get, TABLE2,
    op.get, state, op.const, 8, op.shl,
    op.get, pos, op.load8u, 0, 0,
    op.or, op.const, 2, op.shl, op.add,
    op.load, 2, 0, op.set, state,
    op.get, pos, op.const, 1, op.add, op.set, pos,
  ];
  const record = (pos: number, state: number, out: number, hits: number): number[] => [
    op.get, state, op.get, FIRST2, op.geU,
    op.if, op.void,
    op.get, out, op.get, hits, op.const, 3, op.shl, op.add, op.get, pos, op.store, 2, 0,
    op.get, out, op.get, hits, op.const, 3, op.shl, op.add, op.get, state, op.store, 2, 4,
    op.get, hits, op.const, 1, op.add, op.set, hits,
    op.end,
  ];
  const code = [
    op.block, op.void,
    op.loop, op.void,
    op.get, A_POS, op.get, A_END, op.geU, op.brIf, 1,
    ...step(A_POS, A_STATE),
    ...step(B_POS, B_STATE),
    // One test for the common case, no hit in either stream.
    op.get, A_STATE, op.get, FIRST2, op.geU,
    op.get, B_STATE, op.get, FIRST2, op.geU,
    op.or,
    op.if, op.void,
    ...record(A_POS, A_STATE, OUT_A, HITS_A),
    ...record(B_POS, B_STATE, OUT_B, HITS_B),
    op.get, HITS_A, op.get, CAP2, op.geU,
    op.get, HITS_B, op.get, CAP2, op.geU,
    op.or, op.brIf, 2,
    op.end,
    op.br, 0,
    op.end,
    op.end,
    op.const, 0, op.get, A_POS, op.store, 2, 0,
    op.const, 0, op.get, A_STATE, op.store, 2, 4,
    op.const, 0, op.get, B_POS, op.store, 2, 8,
    op.const, 0, op.get, B_STATE, op.store, 2, 12,
    op.const, 0, op.get, HITS_B, op.store, 2, 16,
    op.get, HITS_A,
    op.end,
  ];
  const locals = [1, 2, I32];
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

function moduleBytes(): Uint8Array {
  const type = [2, 0x60, 7, I32, I32, I32, I32, I32, I32, I32, 1, I32, 0x60, 10, I32, I32, I32, I32, I32, I32, I32, I32, I32, I32, 1, I32];
  const imports = [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1];
  const functions = [2, 0, 1];
  const exports = [2, ...name('scan'), 0x00, 0, ...name('scan2'), 0x00, 1];
  const code = [2, ...scanBody(), ...scan2Body()];
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

type ScanFn = (pos: number, end: number, state: number, first: number, table: number, out: number, cap: number) => number;
type Scan2Fn = (posA: number, endA: number, stateA: number, posB: number, stateB: number, first: number, table: number, outA: number, outB: number, cap: number) => number;

// Below this many bytes a buffer is scanned as one stream: splitting it is not worth the set-up.
const TWO_STREAM_MIN_BYTES = 4096;

/**
 * `longestKeyword` (in bytes) sets how far back the second stream starts before the middle of a
 * buffer, so that it sees every keyword that ends past the middle.
 */
export function createWasmKeywordScanner(delta: Int32Array, firstOutput: number, longestKeyword = 0): WasmKeywordScanner | null {
  const module = keywordScanModule();
  if (module === null || wasm === undefined) return null;
  const tableBytes = delta.byteLength;
  const outBytes = OUT_CAPACITY * 8;
  const fixed = 64 + tableBytes + 2 * outBytes;
  const memory = new wasm.Memory({ initial: Math.ceil((fixed + PAGE) / PAGE) });
  const instance = new wasm.Instance(module, { env: { memory } });
  const run = instance.exports['scan'] as ScanFn;
  const run2 = instance.exports['scan2'] as Scan2Fn;
  const tablePtr = 64;
  const outPtr = tablePtr + tableBytes;
  const outPtrB = outPtr + outBytes;
  const dataPtr = outPtrB + outBytes;
  new Int32Array(memory.buffer, tablePtr, delta.length).set(delta);
  const lookBack = Math.max(0, longestKeyword - 1);

  /** One stream from `pos` to `end`, calling back for hits that end after `after`. */
  const single = (pos: number, end: number, state: number, after: number, onState: (end: number, state: number) => void): void => {
    for (;;) {
      const hits = run(pos, end, state, firstOutput, tablePtr, outPtr, OUT_CAPACITY);
      const out = new Int32Array(memory.buffer, outPtr, hits * 2);
      for (let k = 0; k < hits; k++) {
        const hitEnd = out[2 * k] as number;
        if (hitEnd > after) onState(hitEnd - dataPtr, out[2 * k + 1] as number);
      }
      if (hits < OUT_CAPACITY) return;
      const resume = new Int32Array(memory.buffer, 0, 2);
      pos = resume[0] as number;
      state = resume[1] as number;
      if (pos >= end) return;
    }
  };

  return {
    scan(bytes, start, onState) {
      const needed = dataPtr + bytes.length;
      if (needed > memory.buffer.byteLength) memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
      new Uint8Array(memory.buffer, dataPtr, bytes.length).set(bytes);
      const end = dataPtr + bytes.length;
      if (bytes.length < TWO_STREAM_MIN_BYTES || bytes.length < 4 * lookBack) {
        single(dataPtr, end, start, 0, onState);
        return;
      }
      // Stream A covers the first half; stream B starts `lookBack` bytes before the middle, so its
      // hits that end by the middle repeat A's and are dropped, and it owns every later one.
      const middle = dataPtr + (bytes.length >> 1);
      let posA = dataPtr;
      let stateA = start;
      let posB = middle - lookBack;
      let stateB = start;
      // B's hits wait until A is done, so the caller sees hits in increasing order.
      const pendingB: number[] = [];
      while (posA < middle) {
        const hitsA = run2(posA, middle, stateA, posB, stateB, firstOutput, tablePtr, outPtr, outPtrB, OUT_CAPACITY);
        const resume = new Int32Array(memory.buffer, 0, 5);
        const hitsB = resume[4] as number;
        const outA = new Int32Array(memory.buffer, outPtr, hitsA * 2);
        for (let k = 0; k < hitsA; k++) onState((outA[2 * k] as number) - dataPtr, outA[2 * k + 1] as number);
        const outB = new Int32Array(memory.buffer, outPtrB, hitsB * 2);
        for (let k = 0; k < hitsB; k++) {
          const hitEnd = outB[2 * k] as number;
          if (hitEnd > middle) pendingB.push(hitEnd - dataPtr, outB[2 * k + 1] as number);
        }
        posA = resume[0] as number;
        stateA = resume[1] as number;
        posB = resume[2] as number;
        stateB = resume[3] as number;
      }
      for (let k = 0; k < pendingB.length; k += 2) onState(pendingB[k] as number, pendingB[k + 1] as number);
      if (posB < end) single(posB, end, stateB, middle, onState);
    },
  };
}
