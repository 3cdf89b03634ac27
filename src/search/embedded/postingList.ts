/**
 * One term's postings in one field, as bytes: documents in increasing order, each as the gap to the
 * one before (times two, plus one when its term frequency is above 1) in a varint, then that term
 * frequency in a varint. Most gaps of a common term and most term frequencies fit a byte, so a
 * posting takes 1–2 bytes where a 32-bit document and a 16-bit frequency took 6 (at 100k entries the
 * postings are most of the index). Every SKIP_EVERY postings a skip entry (the document before the
 * block and the block's offset) keeps "does this document hold the term" a binary search and a short
 * scan. The scoring loop in invertedIndex.ts decodes the bytes inline, for speed.
 */
export const SKIP_EVERY = 128

export class PostingList {
  count = 0
  /** The last document added: the base of the next gap. */
  last = -1
  bytes = new Uint8Array(4)
  /** Bytes in use. */
  length = 0
  /** Per block after the first: the document before it, and its offset in `bytes`. */
  private skips?: Int32Array
  private skipLength = 0

  constructor(
    readonly field: number,
    /** The same term's postings in a later field. */
    public next?: PostingList,
  ) {}

  /** Appends a document (above the last one) with its term frequency (≥ 1). */
  push(doc: number, tf: number): void {
    if (this.count > 0 && this.count % SKIP_EVERY === 0) this.addSkip()
    const gap = doc - this.last
    this.write(tf > 1 ? gap * 2 + 1 : gap * 2)
    if (tf > 1) this.write(tf)
    this.last = doc
    this.count++
  }

  /** Every posting in order. */
  forEach(visit: (doc: number, tf: number) => void): void {
    const at = { pos: 0 }
    let doc = -1
    while (at.pos < this.length) {
      const code = readVarint(this.bytes, at)
      doc += code >>> 1
      visit(doc, code & 1 ? readVarint(this.bytes, at) : 1)
    }
  }

  /** Whether the document is among the postings. */
  has(doc: number): boolean {
    if (this.count === 0 || doc > this.last) return false
    const bytes = this.bytes
    let prev = -1
    let pos = 0
    const skips = this.skips
    if (skips) {
      let lo = 0
      let hi = (this.skipLength >> 1) - 1
      while (lo <= hi) {
        const mid = (lo + hi) >> 1
        if (skips[mid * 2] < doc) {
          prev = skips[mid * 2]
          pos = skips[mid * 2 + 1]
          lo = mid + 1
        } else hi = mid - 1
      }
    }
    const at = { pos }
    while (at.pos < this.length) {
      const code = readVarint(bytes, at)
      prev += code >>> 1
      if (prev >= doc) return prev === doc
      if (code & 1) readVarint(bytes, at)
    }
    return false
  }

  /** Gives back the spare room (after a build: later pushes grow it again). */
  trim(): void {
    if (this.bytes.length > this.length) this.bytes = this.bytes.slice(0, this.length)
    if (this.skips && this.skips.length > this.skipLength) this.skips = this.skips.slice(0, this.skipLength)
  }

  private addSkip(): void {
    if (!this.skips || this.skipLength === this.skips.length) {
      // Entries are pairs, so the room stays even.
      const grown = new Int32Array(this.skipLength + ((this.skipLength >> 3) << 1) + 4)
      if (this.skips) grown.set(this.skips)
      this.skips = grown
    }
    this.skips[this.skipLength++] = this.last
    this.skips[this.skipLength++] = this.length
  }

  private write(value: number): void {
    for (;;) {
      // A quarter more each time: spare room is memory, and copying a quarter more is cheap.
      if (this.length === this.bytes.length) {
        const grown = new Uint8Array(this.length + (this.length >> 2) + 4)
        grown.set(this.bytes)
        this.bytes = grown
      }
      if (value < 128) {
        this.bytes[this.length++] = value
        return
      }
      this.bytes[this.length++] = (value & 127) | 128
      value >>>= 7
    }
  }
}

/** The varint at `at.pos` (7 bits a byte, low first), moving `at.pos` past it. */
function readVarint(bytes: Uint8Array, at: { pos: number }): number {
  let value = 0
  for (let shift = 0; ; shift += 7) {
    const b = bytes[at.pos++]
    value |= (b & 127) << shift
    if (b < 128) return value
  }
}
