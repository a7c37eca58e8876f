/**
 * The automaton's hot loop as a tiny WebAssembly module: one table load per byte, hits written to
 * an output buffer. About twice the speed of the same loop in JavaScript, whose typed-array
 * accesses carry bounds checks. The module is a few dozen instructions, so its bytecode is written
 * out here rather than built by a toolchain; `keyword-automaton.test.ts` checks it against the
 * JavaScript loop on random input.
 *
 * A state is the address of its row of 256 next states (the automaton builds the table so), so a
 * step is one add and one load: state = load(state + 4 * byte). (Numbering states 0, 1, 2… put a
 * shift, an or and another shift on the loop's dependency chain, one load to the next: a fifth of
 * the loop's time.) The rows of states that report a keyword lie at `firstOutput`, a power of two
 * above every other row, and within `firstOutput` of it: a state reports exactly when it has that
 * bit, so the four streams are tested with three ors and an and.
 *
 * scan(pos, end, state, firstOutput, out, capacity) → hits
 *   for each byte from pos to end: state = load(state + 4 * byte);
 *   if state >= firstOutput: out[16 + 2 * hits] = (offset after the byte, state), hits++;
 *   stops early when the output is full; the position and state reached are stored at out[0], out[1].
 *
 * scanN(pos0…posN-1, state0…stateN-1, end0, firstOutput, out, capacity) → hits0
 *   the same over STREAMS streams in step, for end0 - pos0 bytes each. One byte's table load
 *   depends on the last, so a single stream waits on memory latency at every byte; independent
 *   streams (parts of one buffer) let the processor overlap them: two nearly halved the time,
 *   four take off about another third. Stream k writes its hits at out + 64 + k * capacity * 8;
 *   stops when any output is full; stores pos k at out + 4k, state k at out + 4(N + k), hits k at
 *   out + 4(2N + k).
 */

const I32 = 0x7f;
const op = {
  block: 0x02, loop: 0x03, if: 0x04, end: 0x0b, br: 0x0c, brIf: 0x0d,
  get: 0x20, set: 0x21, tee: 0x22, load: 0x28, load8u: 0x2d, store: 0x36,
  const: 0x41, geU: 0x4f, add: 0x6a, mul: 0x6c, shl: 0x74, and: 0x71, or: 0x72, void: 0x40,
} as const;

/** Streams the multi-stream loop runs in step (its call below passes exactly four of each). */
const STREAMS = 4;
// Parameters, then the one local.
const POS = 0, END = 1, STATE = 2, FIRST = 3, OUT = 4, CAP = 5, HITS = 6;
/** Where hits start in the output area (store offset; below it, where a scan stopped). */
const HITS_AT = 64;

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
    // state = load(state + (byte << 2)): a state is the address of its table row
    op.get, STATE,
    op.get, POS, op.load8u, 0, 0,
    op.const, 2, op.shl, op.add,
    op.load, 2, 0, op.tee, STATE,
    op.get, POS, op.const, 1, op.add, op.set, POS,
    op.get, FIRST, op.geU,
    op.if, op.void,
    op.get, OUT, op.get, HITS, op.const, 3, op.shl, op.add, op.get, POS, op.store, 2, HITS_AT,
    op.get, OUT, op.get, HITS, op.const, 3, op.shl, op.add, op.get, STATE, op.store, 2, HITS_AT + 4,
    op.get, HITS, op.const, 1, op.add, op.tee, HITS,
    op.get, CAP, op.geU, op.brIf, 2,
    op.end,
    op.br, 0,
    op.end,
    op.end,
    // Where the scan stopped, for a resumed call.
    op.get, OUT, op.get, POS, op.store, 2, 0,
    op.get, OUT, op.get, STATE, op.store, 2, 4,
    op.get, HITS,
    op.end,
  ];
  const locals = [1, 1, I32];
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

function scanNBody(n: number): number[] {
  const pos = (k: number): number => k;
  const state = (k: number): number => n + k;
  const [END0, FIRSTN, OUTN, CAPN] = [2 * n, 2 * n + 1, 2 * n + 2, 2 * n + 3];
  const hits = (k: number): number => 2 * n + 4 + k;
  const each = (part: (k: number) => number[]): number[] => Array.from({ length: n }, (_, k) => part(k)).flat();
  // state = load(state + (byte at pos << 2)); pos++
  const step = (k: number): number[] => [
    op.get, state(k),
    op.get, pos(k), op.load8u, 0, 0,
    op.const, 2, op.shl, op.add,
    op.load, 2, 0, op.set, state(k),
    op.get, pos(k), op.const, 1, op.add, op.set, pos(k),
  ];
  // out + (k * capacity + hits) * 8: this stream's next output slot.
  const slot = (k: number): number[] => [op.get, OUTN, op.get, CAPN, op.const, k, op.mul, op.get, hits(k), op.add, op.const, 3, op.shl, op.add];
  const record = (k: number): number[] => [
    op.get, state(k), op.get, FIRSTN, op.geU,
    op.if, op.void,
    ...slot(k), op.get, pos(k), op.store, 2, HITS_AT,
    ...slot(k), op.get, state(k), op.store, 2, HITS_AT + 4,
    op.get, hits(k), op.const, 1, op.add, op.set, hits(k),
    op.end,
  ];
  const orAcrossStreams = (test: (k: number) => number[]): number[] => [...test(0), ...each((k) => (k === 0 ? [] : [...test(k), op.or]))];
  const code = [
    op.block, op.void,
    op.loop, op.void,
    op.get, pos(0), op.get, END0, op.geU, op.brIf, 1,
    ...each(step),
    // One test for the common case, no hit in any stream: the reporting bit in none.
    ...orAcrossStreams((k) => [op.get, state(k)]), op.get, FIRSTN, op.and,
    op.if, op.void,
    ...each(record),
    ...orAcrossStreams((k) => [op.get, hits(k), op.get, CAPN, op.geU]),
    op.brIf, 2,
    op.end,
    op.br, 0,
    op.end,
    op.end,
    ...each((k) => [op.get, OUTN, op.get, pos(k), op.store, 2, 4 * k]),
    ...each((k) => [op.get, OUTN, op.get, state(k), op.store, 2, 4 * (n + k)]),
    ...each((k) => [op.get, OUTN, op.get, hits(k), op.store, 2, 4 * (2 * n + k)]),
    op.get, hits(0),
    op.end,
  ];
  const locals = [1, n, I32];
  return [...uleb(locals.length + code.length), ...locals, ...code];
}

function moduleBytes(): Uint8Array {
  const multiParams = 2 * STREAMS + 4;
  const type = [2, 0x60, 6, I32, I32, I32, I32, I32, I32, 1, I32, 0x60, multiParams, ...new Array<number>(multiParams).fill(I32), 1, I32];
  const imports = [1, ...name('env'), ...name('memory'), 0x02, 0x00, 1];
  const functions = [2, 0, 1];
  const exports = [2, ...name('scan'), 0x00, 0, ...name('scanN'), 0x00, 1];
  const code = [2, ...scanBody(), ...scanNBody(STREAMS)];
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
/** Data bytes the memory holds without growing: the engine's default read chunk (4 MiB) and a page. */
const RESERVED_DATA_BYTES = 4 * 1024 * 1024 + PAGE;
const OUT_CAPACITY = 8192;

/** One automaton's table in its own WebAssembly memory, and a scan over any byte buffer. */
export interface WasmKeywordScanner {
  /** Calls `onState(end, state)` for every byte after which `state >= firstOutput`. */
  scan(bytes: Uint8Array, start: number, onState: (end: number, state: number) => void): void;
}

type ScanFn = (pos: number, end: number, state: number, first: number, out: number, cap: number) => number;
type ScanNFn = (
  pos0: number, pos1: number, pos2: number, pos3: number,
  state0: number, state1: number, state2: number, state3: number,
  end0: number, first: number, out: number, cap: number,
) => number;

// Below this many bytes a buffer is scanned as one stream: splitting it is not worth the set-up.
const MULTI_STREAM_MIN_BYTES = 2048;

/**
 * `table` holds, for each state's 256 bytes, the next state as its row's address: the first
 * `quietRows` rows go at address 0 (state s at s * 1024), the others, the reporting states, at
 * `firstOutput` (a power of two, see the top of this file). `start` and the states passed to
 * `onState` are addresses too. `longestKeyword` (in bytes) sets how far back the second stream
 * starts before the middle of a buffer, so that it sees every keyword that ends past the middle.
 */
export function createWasmKeywordScanner(table: Int32Array, quietRows: number, firstOutput: number, longestKeyword = 0): WasmKeywordScanner | null {
  const module = keywordScanModule();
  if (module === null || wasm === undefined) return null;
  const outBytes = OUT_CAPACITY * 8;
  const outPtr = firstOutput + (table.length - quietRows * 256) * 4;
  const dataPtr = outPtr + HITS_AT + STREAMS * outBytes;
  // Room for a whole read chunk from the start: growing the memory detaches its old buffer, and
  // the first detach in a thread throws away every optimised function that reads a typed array
  // (V8's detaching protector), which then compiles again: a fifth of a scan's compile time.
  const memory = new wasm.Memory({ initial: Math.ceil((dataPtr + RESERVED_DATA_BYTES + STREAMS) / PAGE) });
  const instance = new wasm.Instance(module, { env: { memory } });
  const run = instance.exports['scan'] as ScanFn;
  const runN = instance.exports['scanN'] as ScanNFn;
  // Each row at its state's address; the gap between the two parts is never touched.
  new Int32Array(memory.buffer, 0, quietRows * 256).set(table.subarray(0, quietRows * 256));
  new Int32Array(memory.buffer, firstOutput, table.length - quietRows * 256).set(table.subarray(quietRows * 256));
  const lookBack = Math.max(0, longestKeyword - 1);
  // Per-scan state of the streams, reused from buffer to buffer.
  const positions = new Int32Array(STREAMS);
  const states = new Int32Array(STREAMS);
  const bounds = new Int32Array(STREAMS + 1);
  const pending: number[][] = Array.from({ length: STREAMS }, () => []);
  // Views of the output area and the data, made again only when the memory grows.
  let out = new Int32Array(memory.buffer, outPtr, (HITS_AT + STREAMS * outBytes) / 4);
  let data = new Uint8Array(memory.buffer, dataPtr);

  /** One stream from `pos` to `end`, calling back for hits that end after `after`. */
  const single = (pos: number, end: number, state: number, after: number, onState: (end: number, state: number) => void): void => {
    for (;;) {
      const hits = run(pos, end, state, firstOutput, outPtr, OUT_CAPACITY);
      for (let k = 0; k < hits; k++) {
        const hitEnd = out[HITS_AT / 4 + 2 * k] as number;
        if (hitEnd > after) onState(hitEnd - dataPtr, out[HITS_AT / 4 + 2 * k + 1] as number);
      }
      if (hits < OUT_CAPACITY) return;
      pos = out[0] as number;
      state = out[1] as number;
      if (pos >= end) return;
    }
  };

  return {
    scan(bytes, start, onState) {
      // The last stream may read up to STREAMS - 1 bytes past the data; their hits are dropped.
      const needed = dataPtr + bytes.length + STREAMS;
      if (needed > memory.buffer.byteLength) {
        memory.grow(Math.ceil((needed - memory.buffer.byteLength) / PAGE));
        out = new Int32Array(memory.buffer, outPtr, (HITS_AT + STREAMS * outBytes) / 4);
        data = new Uint8Array(memory.buffer, dataPtr);
      }
      data.set(bytes);
      const end = dataPtr + bytes.length;
      if (bytes.length < MULTI_STREAM_MIN_BYTES || bytes.length < 4 * STREAMS * lookBack) {
        single(dataPtr, end, start, 0, onState);
        return;
      }
      // Stream k starts at dataPtr + k * stride and runs stride + lookBack bytes. It owns the hits
      // that end after its own first lookBack bytes (all of them for stream 0) and up to where
      // the next stream's owned part begins: a keyword ending there starts after the next
      // stream's start, so that stream sees it whole.
      const stride = Math.ceil((bytes.length - lookBack) / STREAMS);
      const stop = dataPtr + stride + lookBack;
      for (let k = 0; k < STREAMS; k++) {
        bounds[k] = k === 0 ? dataPtr : dataPtr + k * stride + lookBack;
        positions[k] = dataPtr + k * stride;
        states[k] = start;
        (pending[k] as number[]).length = 0;
      }
      bounds[STREAMS] = end;
      // Hits of the later streams wait until the earlier ones are done: the caller sees them in order.
      while ((positions[0] as number) < stop) {
        // Called with plain arguments: a spread call goes through the slow generic wrapper.
        runN(
          positions[0] as number, positions[1] as number, positions[2] as number, positions[3] as number,
          states[0] as number, states[1] as number, states[2] as number, states[3] as number,
          stop, firstOutput, outPtr, OUT_CAPACITY,
        );
        for (let k = 0; k < STREAMS; k++) {
          positions[k] = out[k] as number;
          states[k] = out[STREAMS + k] as number;
          const count = out[2 * STREAMS + k] as number;
          const from = (HITS_AT + k * outBytes) / 4;
          const low = bounds[k] as number;
          const high = bounds[k + 1] as number;
          const list = pending[k] as number[];
          for (let h = 0; h < count; h++) {
            const hitEnd = out[from + 2 * h] as number;
            if (hitEnd <= low || hitEnd > high) continue;
            if (k === 0) onState(hitEnd - dataPtr, out[from + 2 * h + 1] as number);
            else list.push(hitEnd - dataPtr, out[from + 2 * h + 1] as number);
          }
        }
      }
      for (let k = 1; k < STREAMS; k++) {
        const list = pending[k] as number[];
        for (let h = 0; h < list.length; h += 2) onState(list[h] as number, list[h + 1] as number);
      }
    },
  };
}
