const express = require('express');
const ejs = require('ejs');
const pug = require('pug');
const Handlebars = require('handlebars');
const nunjucks = require('nunjucks');

const app = express();

function page(title) {
  return '<h1>' + title + '</h1><p><%= user %></p>';
}

app.get('/ejs', (req, res) => {
  // ruleid: js-template-injection
  res.send(ejs.render(page(req.query.title), { user: 'x' }));
});

app.get('/pug', (req, res) => {
  const tpl = `p Hello ${req.query.name}`;
  // ruleid: js-template-injection
  const fn = pug.compile(tpl);
  res.send(fn({}));
});

app.post('/hbs', (req, res) => {
  const parts = { header: req.body.header };
  // ruleid: js-template-injection
  const fn = Handlebars.compile(parts.header + '{{body}}');
  res.send(fn({ body: 'x' }));
});

app.get('/nunjucks', (req, res) => {
  // ruleid: js-template-injection
  res.send(nunjucks.renderString('Hello ' + req.query.name, {}));
});

app.get('/safe', (req, res) => {
  // ok: js-template-injection
  res.send(ejs.render('<p><%= name %></p>', { name: req.query.name }));
  // ok: js-template-injection
  res.send(nunjucks.renderString('Hello {{ name }}', { name: req.query.name }));
  // ok: js-template-injection
  res.render('profile', { name: req.query.name });
});
