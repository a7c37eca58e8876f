const express = require('express');
const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

const app = express();
const doc = new DOMParser().parseFromString('<users><user name="a" role="admin"/></users>', 'text/xml');

function byName(name) {
  return "//user[@name='" + name + "']";
}

app.get('/user', (req, res) => {
  // ruleid: js-xpath-injection
  const nodes = xpath.select("//user[@name='" + req.query.name + "']/@role", doc);
  res.json(nodes.length);
});

app.get('/template', (req, res) => {
  const role = req.query.role;
  // ruleid: js-xpath-injection
  const nodes = xpath.select(`//user[@role='${role}']`, doc);
  res.json(nodes.length);
});

app.get('/helper', (req, res) => {
  const expr = byName(req.query.name);
  // ruleid: js-xpath-injection
  const node = xpath.select1(expr, doc);
  res.json(Boolean(node));
});

app.get('/safe', (req, res) => {
  // ok: js-xpath-injection
  const all = xpath.select('//user/@name', doc);
  // ok: js-xpath-injection
  const n = xpath.select("//user[position()=" + parseInt(req.query.pos, 10) + "]", doc);
  res.json([all.length, n.length]);
});

function findInBrowser(name) {
  const q = new URLSearchParams(location.search).get('name');
  // ruleid: js-xpath-injection
  return document.evaluate("//item[@id='" + q + "']", document, null, XPathResult.ANY_TYPE, null);
}
module.exports = { findInBrowser };
