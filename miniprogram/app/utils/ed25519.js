// Ed25519 signature verification (RFC 8032, section 5.1.7) for the organiser's phone, so a ticket can be
// checked with no network. Verification only: the phone never holds a private key. Written on BigInt
// (available in the mini-program's JS engines since base library 2.x on iOS 14+ / Android) with no
// BigInt literals and no ** (which an ES5 transpile turns into Math.pow), so the build leaves it alone. Speed is not a concern: one ticket
// takes a few milliseconds.

const { sha512 } = require('./sha512');

const B = (v) => BigInt(v);
const ZERO = B(0);
const ONE = B(1);
const TWO = B(2);
const P = (ONE << B(255)) - B(19);
const L = (ONE << B(252)) + B('27742317777372353535851937790883648493');

function mod(a, m = P) {
  const r = a % m;
  return r >= ZERO ? r : r + m;
}

function pow(base, exp, m = P) {
  let result = ONE;
  let b = mod(base, m);
  let e = exp;
  while (e > ZERO) {
    if (e & ONE) result = (result * b) % m;
    b = (b * b) % m;
    e >>= ONE;
  }
  return result;
}

const inv = (x) => pow(x, P - TWO);
const D = mod(B(-121665) * inv(B(121666)));
const SQRT_M1 = pow(TWO, (P - ONE) / B(4));

// Points in extended coordinates (X, Y, Z, T) with x = X/Z, y = Y/Z, x*y = T/Z.
function add(p, q) {
  const a = mod((p[1] - p[0]) * (q[1] - q[0]));
  const b = mod((p[1] + p[0]) * (q[1] + q[0]));
  const c = mod(TWO * p[3] * q[3] * D);
  const d = mod(TWO * p[2] * q[2]);
  const e = b - a;
  const f = d - c;
  const g = d + c;
  const h = b + a;
  return [mod(e * f), mod(g * h), mod(f * g), mod(e * h)];
}

function multiply(point, scalar) {
  let result = [ZERO, ONE, ONE, ZERO];
  let addend = point;
  let s = scalar;
  while (s > ZERO) {
    if (s & ONE) result = add(result, addend);
    addend = add(addend, addend);
    s >>= ONE;
  }
  return result;
}

function bytesToNumberLE(bytes) {
  let n = ZERO;
  for (let i = bytes.length - 1; i >= 0; i -= 1) n = (n << B(8)) + B(bytes[i]);
  return n;
}

function encode(point) {
  const zInv = inv(point[2]);
  const x = mod(point[0] * zInv);
  let y = mod(point[1] * zInv);
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i += 1) {
    out[i] = Number(y & B(255));
    y >>= B(8);
  }
  if (x & ONE) out[31] |= 0x80;
  return out;
}

/** The point a 32-byte encoding names, or null when it names none (section 5.1.3). */
function decode(bytes) {
  if (bytes.length !== 32) return null;
  const copy = Uint8Array.from(bytes);
  const sign = (copy[31] & 0x80) !== 0;
  copy[31] &= 0x7f;
  const y = bytesToNumberLE(copy);
  if (y >= P) return null;
  const u = mod(y * y - ONE);
  const v = mod(D * y * y + ONE);
  let x = mod(u * pow(v, B(3)) * pow(u * pow(v, B(7)), (P - B(5)) / B(8)));
  const vx2 = mod(v * x * x);
  if (vx2 !== u) {
    if (vx2 !== mod(-u)) return null;
    x = mod(x * SQRT_M1);
  }
  if (x === ZERO && sign) return null;
  if ((x & ONE) === ONE) {
    if (!sign) x = P - x;
  } else if (sign) {
    x = P - x;
  }
  return [x, y, ONE, mod(x * y)];
}

const BASE = decode(Uint8Array.from([0x58, ...new Array(31).fill(0x66)]));

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a[i] ^ b[i];
  return diff === 0;
}

/**
 * True when `signature` (64 bytes) is a valid Ed25519 signature of `message` (bytes) by `publicKey`
 * (32 bytes). Any malformed input is simply false.
 */
function verify(signature, message, publicKey) {
  if (!signature || signature.length !== 64 || !publicKey || publicKey.length !== 32) return false;
  const a = decode(publicKey);
  if (!a) return false;
  const rBytes = signature.slice(0, 32);
  const s = bytesToNumberLE(signature.slice(32, 64));
  if (s >= L) return false;
  const input = new Uint8Array(64 + message.length);
  input.set(rBytes, 0);
  input.set(publicKey, 32);
  input.set(message, 64);
  const k = mod(bytesToNumberLE(sha512(input)), L);
  // [S]B = R + [k]A  <=>  encode([S]B + [L-k]A) = R
  const check = add(multiply(BASE, s), multiply(a, L - k));
  return sameBytes(encode(check), rBytes);
}

module.exports = { verify };
