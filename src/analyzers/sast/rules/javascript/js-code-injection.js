const express = require('express');
const vm = require('vm');

const app = express();

function wrap(expr) {
  return 'return (' + expr + ');';
}

app.get('/calc', (req, res) => {
  // ruleid: js-code-injection
  const value = eval(req.query.expr);
  res.send(String(value));
});

app.get('/fn', (req, res) => {
  // ruleid: js-code-injection
  const fn = new Function('x', wrap(req.query.body));
  res.send(String(fn(1)));
});

app.post('/template', (req, res) => {
  const name = req.body.name;
  // ruleid: js-code-injection
  vm.runInNewContext(`greet("${name}")`, { greet: (n) => n });
  const code = [];
  code.push(req.body.snippet);
  // ruleid: js-code-injection
  setTimeout(code[0], 10);
  res.end();
});

app.get('/safe', (req, res) => {
  // ok: js-code-injection
  const data = JSON.parse(req.query.data);
  // ok: js-code-injection
  setTimeout(() => console.log(req.query.msg), 10);
  // ok: js-code-injection
  eval('1 + 2');
  // ok: js-code-injection
  vm.runInNewContext('greet(' + JSON.stringify(req.query.name) + ')', { greet: (n) => n });
  const n = parseInt(req.query.n, 10);
  // ok: js-code-injection
  eval('n * ' + n);
  res.json(data);
});
