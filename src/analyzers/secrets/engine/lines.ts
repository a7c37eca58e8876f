/** Counts newlines forward through a text; queries must come in increasing offset order. */
export class LineCounter {
  private offset = 0;
  private line = 0;

  constructor(private readonly text: string) {}

  /** 0-based line index of `offset`. */
  lineIndexAt(offset: number): number {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 0;
    }
    let next = this.text.indexOf('\n', this.offset);
    while (next !== -1 && next < offset) {
      this.line++;
      next = this.text.indexOf('\n', next + 1);
    }
    this.offset = offset;
    return this.line;
  }
}

/** Start and end offsets of the line around `offset`, each side bounded so a 10 MB line stays cheap. */
export function lineBounds(text: string, offset: number, maxSide = 4096): [number, number] {
  const floor = Math.max(0, offset - maxSide);
  const before = text.lastIndexOf('\n', offset - 1);
  const start = before < floor ? floor : before + 1;
  const after = text.indexOf('\n', offset);
  const ceiling = Math.min(text.length, offset + maxSide);
  const end = after === -1 || after > ceiling ? ceiling : after;
  return [start, end];
}
