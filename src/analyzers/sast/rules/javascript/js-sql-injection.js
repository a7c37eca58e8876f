const express = require('express');
const mysql = require('mysql');
const { Pool } = require('pg');
const knex = require('knex')({ client: 'pg' });

const app = express();
const db = mysql.createConnection({ host: 'localhost' });
const pool = new Pool();

// Helper that builds SQL from its argument: the flow goes through it.
function byName(name) {
  return "SELECT * FROM users WHERE name = '" + name + "'";
}

function runLookup(conn, id) {
  // ruleid: js-sql-injection
  return conn.query('SELECT * FROM orders WHERE id = ' + id);
}

app.get('/direct', (req, res) => {
  // ruleid: js-sql-injection
  db.query("SELECT * FROM users WHERE id = '" + req.query.id + "'", (err, rows) => res.json(rows));
});

app.get('/template', async (req, res) => {
  const id = req.params.id;
  // ruleid: js-sql-injection
  const result = await pool.query(`SELECT * FROM users WHERE id = ${id}`);
  res.json(result.rows);
});

app.post('/helper', (req, res) => {
  // ruleid: js-sql-injection
  db.query(byName(req.body.name));
  res.end();
});

app.post('/through-callee', (req, res) => {
  runLookup(db, req.body.orderId);
  res.end();
});

app.get('/collection', (req, res) => {
  const parts = ['SELECT * FROM items WHERE'];
  parts.push('owner = ' + req.query.owner);
  // ruleid: js-sql-injection
  db.query(parts.join(' '));
  const filter = { column: req.query.sort };
  // ruleid: js-sql-injection
  pool.query('SELECT * FROM items ORDER BY ' + filter.column);
  res.end();
});

app.get('/header', (req, res) => {
  let sql = 'SELECT * FROM audit WHERE agent = ';
  sql += "'" + req.headers['user-agent'] + "'";
  // ruleid: js-sql-injection
  db.query(sql);
  res.end();
});

app.get('/knex', async (req, res) => {
  // ruleid: js-sql-injection
  const rows = await knex('users').whereRaw('name = ' + req.query.name);
  // ok: js-sql-injection
  const safe = await knex('users').whereRaw('name = ?', [req.query.name]);
  // ok: js-sql-injection
  const built = await knex('users').where({ name: req.query.name });
  res.json([rows, safe, built]);
});

app.get('/safe', (req, res) => {
  // ok: js-sql-injection
  db.query('SELECT * FROM users WHERE id = ?', [req.query.id]);
  // ok: js-sql-injection
  pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);
  // ok: js-sql-injection
  db.query('SELECT * FROM users WHERE name = ' + db.escape(req.query.name));
  const limit = parseInt(req.query.limit, 10);
  // ok: js-sql-injection
  db.query('SELECT * FROM users LIMIT ' + limit);
  // ok: js-sql-injection
  db.query('SELECT * FROM users WHERE id = ' + Number(req.query.id));
  let order = req.query.order;
  order = 'name';
  // ok: js-sql-injection
  db.query('SELECT * FROM users ORDER BY ' + order);
  // ok: js-sql-injection
  db.query('SELECT COUNT(*) FROM users');
  res.end();
});

app.get('/allow-list', (req, res) => {
  const columns = { name: 'name', created: 'created_at' };
  const column = columns[req.query.sort] || 'name';
  // ok: js-sql-injection
  db.query('SELECT * FROM users ORDER BY ' + column);
  res.end();
});

app.get('/cache', async (req, res) => {
  const cache = new Map();
  // ok: js-sql-injection
  const hit = cache.get(req.query.key);
  const sqlite = require('better-sqlite3')('app.db');
  // ruleid: js-sql-injection
  const row = sqlite.prepare("SELECT * FROM t WHERE k = '" + req.query.key + "'").get();
  res.json([hit, row]);
});
