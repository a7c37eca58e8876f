const express = require('express');
const escapeHtml = require('escape-html');
const DOMPurify = require('dompurify');

const app = express();

function greeting(name) {
  return '<h1>Hello ' + name + '</h1>';
}

app.get('/hello', (req, res) => {
  // ruleid: js-xss
  res.send('<p>Hello ' + req.query.name + '</p>');
});

app.get('/helper', (req, res) => {
  // ruleid: js-xss
  res.send(greeting(req.query.name));
});

app.get('/template', (req, res) => {
  const q = req.query.q;
  res.setHeader('Content-Type', 'text/html');
  // ruleid: js-xss
  res.write(`<div>Results for ${q}</div>`);
  res.end();
});

app.get('/list', (req, res) => {
  const items = [];
  items.push('<li>' + req.query.item + '</li>');
  // ruleid: js-xss
  res.end('<ul>' + items.join('') + '</ul>');
});

app.get('/safe', (req, res) => {
  // ok: js-xss
  res.send('<p>Hello ' + escapeHtml(req.query.name) + '</p>');
  // ok: js-xss
  res.json({ name: req.query.name });
  // ok: js-xss
  res.send('<p>Hello</p>');
  const page = parseInt(req.query.page, 10);
  // ok: js-xss
  res.send('<p>Page ' + page + '</p>');
});

function renderFromHash() {
  const target = document.getElementById('out');
  const fragment = decodeURIComponent(location.hash.slice(1));
  // ruleid: js-xss
  target.innerHTML = '<b>' + fragment + '</b>';
  // ruleid: js-xss
  document.write('<a href="' + document.URL + '">self</a>');
  // ok: js-xss
  target.textContent = fragment;
  // ok: js-xss
  target.innerHTML = DOMPurify.sanitize(fragment);
  // ok: js-xss
  target.innerHTML = '<b>static</b>';
}

function Comment(props) {
  // ruleid: js-xss
  return { dangerouslySetInnerHTML: { __html: window.location.search } };
}

module.exports = { renderFromHash, Comment };

function relay(socket, req) {
  // ok: js-xss
  socket.send(req.query.msg);
}

async function koaHandler(ctx) {
  // ruleid: js-xss
  ctx.body = '<h1>' + ctx.query.title + '</h1>';
}

module.exports.relay = relay;
module.exports.koaHandler = koaHandler;
