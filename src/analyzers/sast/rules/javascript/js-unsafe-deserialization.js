const express = require('express');
const serialize = require('node-serialize');
const yaml = require('js-yaml');

const app = express();

function decodeProfile(encoded) {
  return Buffer.from(encoded, 'base64').toString();
}

app.get('/profile', (req, res) => {
  // ruleid: js-unsafe-deserialization
  const profile = serialize.unserialize(decodeProfile(req.cookies.profile));
  res.send('Hello ' + String(profile.username).length);
});

app.post('/import', (req, res) => {
  const doc = req.body.doc;
  // ruleid: js-unsafe-deserialization
  const data = yaml.unsafeLoad(doc);
  res.json({ keys: Object.keys(data).length });
});

app.post('/safe', (req, res) => {
  // ok: js-unsafe-deserialization
  const a = JSON.parse(req.body.payload);
  // ok: js-unsafe-deserialization
  const b = yaml.load(req.body.doc);
  // ok: js-unsafe-deserialization
  const c = serialize.unserialize('{"a":1}');
  res.json({ a: typeof a, b: typeof b, c: typeof c });
});

app.post('/legacy-yaml', (req, res) => {
  // ruleid: js-unsafe-deserialization
  const cfg = yaml.load(req.body.config, { schema: yaml.DEFAULT_FULL_SCHEMA });
  res.json(cfg);
});
