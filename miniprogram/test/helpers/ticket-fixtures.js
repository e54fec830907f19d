// Signed tickets as the server makes them (event/TicketSigner), signed here with Node's Ed25519 so page
// tests can make as many as they need; test/fixtures/server-signed-ticket.json holds one the Java server signed.

const crypto = require('crypto');

function keyPair(kid = 'k-test') {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('ed25519');
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
  return { kid, privateKey, publicKey: raw.toString('base64url') };
}

/** t2.<event>.<sessions>.<signup>.<person>.<expires s>.<kid>.<signature> */
function signedTicket(keys, { eventId = 7, sessionIds = [501, 502], signupId, person = 'p-x', expiresAt }) {
  const expires = Math.floor((expiresAt || Date.now() + 86400000) / 1000);
  const body = ['t2', eventId, sessionIds.join('-'), signupId, person, expires, keys.kid].join('.');
  const signature = crypto.sign(null, Buffer.from(body, 'utf8'), keys.privateKey).toString('base64url');
  return `${body}.${signature}`;
}

module.exports = { keyPair, signedTicket };
