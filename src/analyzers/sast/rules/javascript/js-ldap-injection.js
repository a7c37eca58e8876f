const express = require('express');
const ldap = require('ldapjs');
const ldapEscape = require('ldap-escape');

const app = express();
const client = ldap.createClient({ url: 'ldaps://ldap.example.com' });

function userFilter(name) {
  return '(&(objectClass=person)(uid=' + name + '))';
}

app.get('/user', (req, res) => {
  // ruleid: js-ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: '(uid=' + req.query.uid + ')', scope: 'sub' }, (err, r) => r.on('end', () => res.end()));
});

app.get('/helper', (req, res) => {
  const opts = { scope: 'sub', filter: userFilter(req.query.name) };
  // ruleid: js-ldap-injection
  client.search('dc=example,dc=com', opts, () => res.end());
});

app.post('/login', (req, res) => {
  // ruleid: js-ldap-injection
  client.bind(`uid=${req.body.user},ou=people,dc=example,dc=com`, req.body.password, () => res.end());
});

app.get('/safe', (req, res) => {
  // ok: js-ldap-injection
  client.search('dc=example,dc=com', { filter: ldapEscape.filter`(uid=${req.query.uid})`, scope: 'sub' }, () => res.end());
  // ok: js-ldap-injection
  client.search('dc=example,dc=com', { filter: '(objectClass=person)', scope: 'sub' }, () => res.end());
  // ok: js-ldap-injection
  client.search('dc=example,dc=com', { filter: new ldap.EqualityFilter({ attribute: 'uid', value: req.query.uid }), scope: 'sub' }, () => res.end());
});

app.get('/opts-safe', (req, res) => {
  const opts = { scope: 'sub', filter: '(objectClass=person)', sizeLimit: 10 };
  // ok: js-ldap-injection
  client.search('dc=example,dc=com', opts, () => res.json(req.query.page));
});
