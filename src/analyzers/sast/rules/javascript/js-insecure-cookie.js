const express = require('express');
const session = require('express-session');

const app = express();

// ruleid: js-insecure-cookie
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: false, maxAge: 3600000 } }));

app.post('/login', (req, res) => {
  const token = issueToken(req.body.user);
  // ruleid: js-insecure-cookie
  res.cookie('session', token, { httpOnly: false, secure: true });
  // ruleid: js-insecure-cookie
  res.cookie('auth', token, { secure: false });
  // ruleid: js-insecure-cookie
  res.cookie('sessionId', token);
  res.end();
});

app.get('/prefs', (req, res) => {
  // ok: js-insecure-cookie
  res.cookie('session', 'x', { httpOnly: true, secure: true, sameSite: 'lax' });
  // ok: js-insecure-cookie
  res.cookie('theme', 'dark');
  res.end();
});

function issueToken(user) {
  return Buffer.from(String(user)).toString('base64');
}
