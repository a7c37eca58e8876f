const jwt = require('jsonwebtoken');
const crypto = require('crypto');
const { Sequelize } = require('sequelize');

// ruleid: js-hardcoded-credentials
const DB_PASSWORD = 'S3cr3t!Passw0rd';
// ruleid: js-hardcoded-credentials
const apiKey = "AKIAXXEXAMPLEKEY12345";

const config = {};
// ruleid: js-hardcoded-credentials
config.clientSecret = 'f3b2a1c9d8e7f6a5b4c3';

function token(user) {
  // ruleid: js-hardcoded-credentials
  return jwt.sign({ sub: user.id }, 'my-super-secret-signing-key', { expiresIn: '1h' });
}

function mac(data) {
  // ruleid: js-hardcoded-credentials
  return crypto.createHmac('sha256', 'hmac-key-in-code').update(data).digest('hex');
}

// ruleid: js-hardcoded-credentials
const sequelize = new Sequelize('app', 'admin', 'hunter22', { dialect: 'postgres' });

// ok: js-hardcoded-credentials
const password = process.env.DB_PASSWORD;
// ok: js-hardcoded-credentials
const secretKey = '';
// ok: js-hardcoded-credentials
const PASSWORD_FIELD = 'password';
// ok: js-hardcoded-credentials
const apiKeyPlaceholder = 'changeme';
// ok: js-hardcoded-credentials
const api_key = 'your-api-key-here';

function verify(t) {
  // ok: js-hardcoded-credentials
  return jwt.verify(t, process.env.JWT_SECRET);
}

module.exports = { DB_PASSWORD, apiKey, config, token, mac, sequelize, password, secretKey, PASSWORD_FIELD, apiKeyPlaceholder, api_key, verify };

const settings = {
  // todoruleid: js-hardcoded-credentials
  password: 'Tr0ub4dor&3-horse',
};
module.exports.settings = settings;
