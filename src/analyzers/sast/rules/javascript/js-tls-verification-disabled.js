const https = require('https');
const tls = require('tls');
const axios = require('axios');

// ruleid: js-tls-verification-disabled
const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

function fetchInternal(url) {
  // ruleid: js-tls-verification-disabled
  return axios.get(url, { httpsAgent: new https.Agent({ rejectUnauthorized: false }) });
}

function connect(host) {
  const options = { host, port: 443 };
  // ruleid: js-tls-verification-disabled
  options.rejectUnauthorized = false;
  return tls.connect(options);
}

// ruleid: js-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';

// ok: js-tls-verification-disabled
const strictAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: true });

// ok: js-tls-verification-disabled
const caAgent = new https.Agent({ ca: process.env.INTERNAL_CA });

module.exports = { agent, fetchInternal, connect, strictAgent, caAgent };

function legacyRequest(url) {
  const request = require('request');
  // ruleid: js-tls-verification-disabled
  return request.get(url, { strictSSL: false });
}

// ruleid: js-tls-verification-disabled
const tlsOptions = { host: 'db.internal', rejectUnauthorized: false };
module.exports.tlsOptions = tlsOptions;
