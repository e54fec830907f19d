const crypto = require('crypto');
const fixture = require('./fixtures/server-signed-ticket.json');
const { verifySignedTicket, parse } = require('../app/utils/signed-ticket');
const { verify } = require('../app/utils/ed25519');
const { sha512 } = require('../app/utils/sha512');

// The phone's own verification of the server's Ed25519 tickets, with no network and no npm dependency.

const VALID_AT = Date.parse('2026-11-29T09:30:00+08:00');

describe('a ticket the Java server signed (TicketSignerTest signs exactly this one)', () => {
  test('is accepted for its event and sessions', () => {
    expect(verifySignedTicket(fixture.ticket, fixture.keys, 7, 501, VALID_AT))
      .toEqual({ ok: true, signupId: 31, person: parse(fixture.ticket).person });
    expect(verifySignedTicket(fixture.ticket, fixture.keys, 7, 502, VALID_AT).ok).toBe(true);
  });

  test.each([
    ['another signup id', (t) => t.replace('.31.', '.32.')],
    ['another event', (t) => t.replace('t2.7.', 't2.8.')],
    ['a later expiry', (t) => t.replace('.1796050800.', '.1896050800.')],
    ['a changed signature', (t) => `${t.slice(0, -3)}${t.slice(-3) === 'AAA' ? 'BBB' : 'AAA'}`],
  ])('is refused with %s', (_, tamper) => {
    expect(verifySignedTicket(tamper(fixture.ticket), fixture.keys, 7, 501, VALID_AT))
      .toEqual({ ok: false, title: '凭证无效', note: '签名不符，可能是伪造或被改动过的凭证' });
  });

  test('is refused once expired, at another event, for a session it does not hold, or without its key', () => {
    expect(verifySignedTicket(fixture.ticket, fixture.keys, 7, 501, Date.parse('2026-11-30T23:00:00+08:00')).title).toBe('凭证已过期');
    expect(verifySignedTicket(fixture.ticket, fixture.keys, 8, 501, VALID_AT).title).toBe('不是本活动');
    expect(verifySignedTicket(fixture.ticket, fixture.keys, 7, 503, VALID_AT).title).toBe('不含本场次');
    expect(verifySignedTicket(fixture.ticket, [], 7, 501, VALID_AT).title).toBe('无法核验');
  });
});

test('on a phone without BigInt the ticket is refused with a reason, not a crash', () => {
  jest.isolateModules(() => {
    const saved = global.BigInt;
    global.BigInt = undefined;
    try {
      // eslint-disable-next-line global-require
      const fresh = require('../app/utils/signed-ticket');
      expect(fresh.verifySignedTicket(fixture.ticket, fixture.keys, 7, 501, VALID_AT)).toEqual({ ok: false,
        title: '无法离线核验', note: '这部手机的微信版本过旧，不能离线核验凭证，请联网后扫描' });
    } finally {
      global.BigInt = saved;
    }
  });
});

describe('the verifier against Node\'s crypto', () => {
  test('SHA-512 digests match for lengths around the block boundaries', () => {
    [0, 1, 111, 112, 127, 128, 129, 255, 1000].forEach((len) => {
      const data = crypto.randomBytes(len);
      expect(Buffer.from(sha512(data)).toString('hex')).toBe(crypto.createHash('sha512').update(data).digest('hex'));
    });
  });

  test('Ed25519: random keys and messages verify; any flipped bit does not', () => {
    for (let i = 0; i < 5; i += 1) {
      const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
      const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
      const message = crypto.randomBytes(20 + i * 40);
      const signature = crypto.sign(null, message, privateKey);
      expect(verify(signature, message, raw)).toBe(true);
      const bad = Buffer.from(signature);
      bad[i * 7] ^= 1;
      expect(verify(bad, message, raw)).toBe(false);
      const badMessage = Buffer.from(message);
      badMessage[0] ^= 0x80;
      expect(verify(signature, badMessage, raw)).toBe(false);
    }
    expect(verify(new Uint8Array(10), new Uint8Array(1), new Uint8Array(32))).toBe(false);
  });
});
