const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true } }));

function normalizeRole(role) {
  return role.trim().toLowerCase();
}

app.post('/login', (req, res) => {
  // ruleid: js-trust-boundary-violation
  req.session.role = req.body.role;
  // ruleid: js-trust-boundary-violation
  req.session.user = { name: req.body.user, admin: false };
  res.end();
});

app.get('/prefs', (req, res) => {
  // ruleid: js-trust-boundary-violation
  req.session['lang_' + 'pref'] = normalizeRole(req.query.lang);
  res.end();
});

app.post('/safe', async (req, res) => {
  // ok: js-trust-boundary-violation
  req.session.visits = (req.session.visits || 0) + 1;
  // ok: js-trust-boundary-violation
  req.session.page = parseInt(req.query.page, 10);
  // ok: js-trust-boundary-violation
  req.session.loggedInAt = Date.now();
  res.end();
});
