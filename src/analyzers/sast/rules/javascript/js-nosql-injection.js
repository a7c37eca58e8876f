const express = require('express');
const { MongoClient, ObjectId } = require('mongodb');
const User = require('./models/user');

const app = express();
app.use(express.json());
const client = new MongoClient('mongodb://localhost');
const users = client.db('app').collection('users');

function byName(name) {
  return { username: name, active: true };
}

app.post('/login', async (req, res) => {
  // ruleid: js-nosql-injection
  const user = await users.findOne({ username: req.body.username, password: req.body.password });
  res.json(user);
});

app.get('/search', async (req, res) => {
  const filter = req.query.filter;
  // ruleid: js-nosql-injection
  const found = await User.find(filter);
  res.json(found);
});

app.post('/helper', async (req, res) => {
  // ruleid: js-nosql-injection
  const found = await users.find(byName(req.body.name)).toArray();
  res.json(found);
});

app.post('/where', async (req, res) => {
  // ruleid: js-nosql-injection
  const found = await users.find({ $where: "this.owner == '" + req.body.owner + "'" }).toArray();
  res.json(found);
});

app.post('/delete', async (req, res) => {
  const query = {};
  query.email = req.body.email;
  // ruleid: js-nosql-injection
  await users.deleteMany(query);
  res.end();
});

app.post('/safe', async (req, res) => {
  // ok: js-nosql-injection
  const a = await users.findOne({ username: String(req.body.username) });
  // ok: js-nosql-injection
  const b = await users.findOne({ _id: new ObjectId(req.params.id) });
  // ok: js-nosql-injection
  const c = await users.find({ age: Number(req.query.age) }).toArray();
  // ok: js-nosql-injection
  const d = await users.find({ active: true }).toArray();
  // ok: js-nosql-injection
  const e = [1, 2, 3].find((x) => x > 1);
  res.json([a, b, c, d, e, req.query.name]);
});
