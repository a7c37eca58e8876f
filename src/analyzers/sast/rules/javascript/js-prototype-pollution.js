const express = require('express');
const _ = require('lodash');

const app = express();
app.use(express.json());
const settings = {};

function assignPath(target, section, key, value) {
  // ruleid: js-prototype-pollution
  target[section][key] = value;
}

app.post('/settings', (req, res) => {
  const { section, key, value } = req.body;
  // ruleid: js-prototype-pollution
  settings[section][key] = value;
  res.end();
});

app.post('/helper', (req, res) => {
  assignPath(settings, req.query.section, req.query.key, req.query.value);
  res.end();
});

app.post('/lodash', (req, res) => {
  // ruleid: js-prototype-pollution
  _.set(settings, req.body.path, req.body.value);
  // ruleid: js-prototype-pollution
  _.merge(settings, req.body);
  const prefs = {};
  // ruleid: js-prototype-pollution
  _.merge(prefs, { theme: 'dark' }, req.body.prefs);
  res.end();
});

app.post('/safe', (req, res) => {
  // ok: js-prototype-pollution
  settings.ui.theme = req.body.theme;
  // ok: js-prototype-pollution
  _.set(settings, 'ui.theme', req.body.theme);
  // ok: js-prototype-pollution
  _.merge(settings, { ui: { theme: 'dark' } });
  const store = new Map();
  // ok: js-prototype-pollution
  store.set(req.body.key, req.body.value);
  res.end();
});

app.post('/checked', (req, res) => {
  const { section, key, value } = req.body;
  const ALLOWED = ['ui', 'mail'];
  if (ALLOWED.includes(section)) {
    // ok: js-prototype-pollution
    settings[section][key] = value;
  }
  res.end();
});
