const express = require('express');
const axios = require('axios');
const https = require('https');

const app = express();
const SERVICES = { weather: 'https://weather.internal/api', news: 'https://news.internal/api' };

function apiUrl(host) {
  return 'https://' + host + '/v1/status';
}

app.get('/proxy', async (req, res) => {
  // ruleid: js-ssrf
  const r = await axios.get(req.query.url);
  res.send(r.data);
});

app.get('/fetch', async (req, res) => {
  const target = req.body.target;
  // ruleid: js-ssrf
  const r = await fetch(`http://${target}/health`);
  res.send(await r.text());
});

app.get('/helper', (req, res) => {
  // ruleid: js-ssrf
  https.get(apiUrl(req.query.host), (r) => r.pipe(res));
});

app.post('/webhooks', async (req, res) => {
  const hooks = [];
  hooks.push(req.body.callback);
  for (const hook of hooks) {
    // ruleid: js-ssrf
    await axios.post(hook, { ok: true });
  }
  res.end();
});

app.get('/safe', async (req, res) => {
  // ok: js-ssrf
  const a = await axios.get(SERVICES[req.query.service]);
  // ok: js-ssrf
  const b = await axios.get('https://api.example.com/search?q=' + encodeURIComponent(req.query.q));
  // ok: js-ssrf
  const c = await fetch('https://api.example.com/status');
  // ok: js-ssrf
  const d = await axios.get('https://api.example.com/items', { params: { id: req.query.id } });
  res.json([a.data, b.data, await c.json(), d.data]);
});
