const crypto = require('crypto');

function generateToken() {
  // ruleid: js-insecure-randomness
  return Math.random().toString(36).slice(2);
}

function makeResetPassword(length) {
  let out = '';
  for (let i = 0; i < length; i++) {
    // ruleid: js-insecure-randomness
    out += String.fromCharCode(97 + Math.floor(Math.random() * 26));
  }
  return out;
}

// ruleid: js-insecure-randomness
const sessionId = 'sess-' + Math.random().toString(16).slice(2);

function shuffle(items) {
  // ok: js-insecure-randomness
  return items.sort(() => Math.random() - 0.5);
}

function jitterMs() {
  // ok: js-insecure-randomness
  return Math.floor(Math.random() * 100);
}

function secureToken() {
  // ok: js-insecure-randomness
  return crypto.randomBytes(32).toString('hex');
}

module.exports = { generateToken, makeResetPassword, sessionId, shuffle, jitterMs, secureToken };
