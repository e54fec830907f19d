// SHA-512 (FIPS 180-4) on BigInt words, for utils/ed25519.js: the mini-program has no WebCrypto. Inputs are
// a few hundred bytes, so clarity wins over speed. The round constants and initial values are computed
// from their definition (fractional parts of the cube and square roots of the first primes) rather than
// typed in; the tests compare digests with Node's crypto.

const B = (v) => BigInt(v);
const ZERO = B(0);
const ONE = B(1);
const W64 = (x) => BigInt.asUintN(64, x);

function primes(count) {
  const out = [];
  for (let n = 2; out.length < count; n += 1) {
    if (out.every((p) => n % p !== 0)) out.push(n);
  }
  return out;
}

/** floor(n^(1/k)) for a BigInt n, by Newton's method. */
function integerRoot(n, k) {
  const kb = B(k);
  let x = ONE << B(Math.ceil(n.toString(2).length / k) + 1);
  for (;;) {
    let power = ONE;
    for (let i = 1; i < k; i += 1) power *= x;
    const y = ((kb - ONE) * x + n / power) / kb;
    if (y >= x) return x;
    x = y;
  }
}

function fractionBits(p, k) {
  // the first 64 bits of the fractional part of p^(1/k)
  return W64(integerRoot(B(p) << B(64 * k), k));
}

const PRIMES = primes(80);
const K = PRIMES.map((p) => fractionBits(p, 3));
const H0 = PRIMES.slice(0, 8).map((p) => fractionBits(p, 2));

const rotr = (x, n) => W64((x >> B(n)) | (x << B(64 - n)));

/** SHA-512 of a Uint8Array (or array of bytes); returns a 64-byte Uint8Array. */
function sha512(bytes) {
  const length = bytes.length;
  const padded = new Uint8Array(Math.ceil((length + 17) / 128) * 128);
  padded.set(bytes, 0);
  padded[length] = 0x80;
  let bitLength = B(length) * B(8);
  for (let i = padded.length - 1; bitLength > ZERO; i -= 1) {
    padded[i] = Number(bitLength & B(255));
    bitLength >>= B(8);
  }
  const h = H0.slice();
  const w = new Array(80);
  for (let offset = 0; offset < padded.length; offset += 128) {
    for (let t = 0; t < 16; t += 1) {
      let word = ZERO;
      for (let j = 0; j < 8; j += 1) word = (word << B(8)) | B(padded[offset + t * 8 + j]);
      w[t] = word;
    }
    for (let t = 16; t < 80; t += 1) {
      const s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> B(7));
      const s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> B(6));
      w[t] = W64(w[t - 16] + s0 + w[t - 7] + s1);
    }
    let [a, b, c, d, e, f, g, hh] = h;
    for (let t = 0; t < 80; t += 1) {
      const s1 = rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41);
      const ch = (e & f) ^ (W64(~e) & g);
      const t1 = W64(hh + s1 + ch + K[t] + w[t]);
      const s0 = rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = W64(s0 + maj);
      hh = g;
      g = f;
      f = e;
      e = W64(d + t1);
      d = c;
      c = b;
      b = a;
      a = W64(t1 + t2);
    }
    [a, b, c, d, e, f, g, hh].forEach((v, i) => {
      h[i] = W64(h[i] + v);
    });
  }
  const out = new Uint8Array(64);
  h.forEach((word, i) => {
    let v = word;
    for (let j = 7; j >= 0; j -= 1) {
      out[i * 8 + j] = Number(v & B(255));
      v >>= B(8);
    }
  });
  return out;
}

module.exports = { sha512 };
