const crypto = require('crypto');
const { createHash } = require('crypto');

function passwordDigest(password) {
  // ruleid: js-weak-hash
  return crypto.createHash('md5').update(password).digest('hex');
}

function etag(body) {
  // ruleid: js-weak-hash
  return createHash('sha1').update(body).digest('base64');
}

function legacySignature(key, data) {
  // ruleid: js-weak-hash
  return crypto.createHmac("MD5", key).update(data).digest('hex');
}

function fingerprint(data) {
  // ok: js-weak-hash
  return crypto.createHash('sha256').update(data).digest('hex');
}

function sign(key, data) {
  // ok: js-weak-hash
  return crypto.createHmac('sha512', key).update(data).digest('hex');
}

module.exports = { passwordDigest, etag, legacySignature, fingerprint, sign };
