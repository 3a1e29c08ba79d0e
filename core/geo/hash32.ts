// Small non-cryptographic hashes (MurmurHash3 x86_32 over 32-bit words) for fingerprints and checksums.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixWord(h: number, word: number): number {
  let k = Math.imul(word, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  let x = h ^ k;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

function finish(h: number, length: number): number {
  let x = h ^ length;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A running 32-bit hash; feed words, strings and doubles, then read `digest()`. */
export class Hash32 {
  private h: number;
  private n = 0;

  constructor(seed = 0) {
    this.h = seed | 0;
  }

  /** Adds one 32-bit word. */
  word(w: number): this {
    this.h = mixWord(this.h, w);
    this.n++;
    return this;
  }

  /** Adds a range of words; used for checksums of whole binary sections. */
  words(words: Uint32Array, start = 0, end = words.length): this {
    let h = this.h;
    for (let i = start; i < end; i++) h = mixWord(h, words[i]);
    this.h = h;
    this.n += end - start;
    return this;
  }

  /** Adds a string as its length and UTF-16 code units. */
  string(s: string): this {
    this.word(s.length);
    for (let i = 0; i < s.length; i++) this.word(s.charCodeAt(i));
    return this;
  }

  /** The 32-bit digest of everything added so far. */
  digest(): number {
    return finish(this.h, this.n);
  }
}

/** 8 lowercase hex digits of an unsigned 32-bit number. */
export function hex32(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
