const crypto = require('crypto');

function legacyEncrypt(key, iv, text) {
  // ruleid: js-weak-cipher
  const cipher = crypto.createCipheriv('des-cbc', key, iv);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function ecbEncrypt(key, text) {
  // ruleid: js-weak-cipher
  const cipher = crypto.createCipheriv('aes-128-ecb', key, null);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function streamEncrypt(key, text) {
  // ruleid: js-weak-cipher
  const cipher = crypto.createCipheriv('rc4', key, '');
  return cipher.update(text, 'utf8', 'hex');
}

function passwordEncrypt(password, text) {
  // ruleid: js-weak-cipher
  const cipher = crypto.createCipher('aes-256-cbc', password);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function tripleDes(key, iv, text) {
  // ruleid: js-weak-cipher
  return crypto.createCipheriv('des-ede3-cbc', key, iv).update(text);
}

function modernEncrypt(key, text) {
  const iv = crypto.randomBytes(12);
  // ok: js-weak-cipher
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(text), cipher.final(), cipher.getAuthTag()]);
}

module.exports = { legacyEncrypt, ecbEncrypt, streamEncrypt, passwordEncrypt, tripleDes, modernEncrypt };
