const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const UPLOADS = '/srv/app/uploads';

function uploadPath(name) {
  return path.join(UPLOADS, name);
}

app.get('/read', (req, res) => {
  // ruleid: js-path-traversal
  fs.readFile('/srv/app/docs/' + req.query.file, 'utf8', (err, data) => res.send(data));
});

app.get('/helper', (req, res) => {
  // ruleid: js-path-traversal
  const data = fs.readFileSync(uploadPath(req.params.name));
  res.send(data);
});

app.get('/template', (req, res) => {
  const name = req.query.name;
  // ruleid: js-path-traversal
  fs.createReadStream(`${UPLOADS}/${name}`).pipe(res);
});

app.post('/write', (req, res) => {
  const target = { dir: req.body.dir, file: 'out.txt' };
  // ruleid: js-path-traversal
  fs.writeFileSync(path.join(target.dir, target.file), req.body.text);
  res.end();
});

app.get('/download', (req, res) => {
  // ruleid: js-path-traversal
  res.download(path.resolve(UPLOADS, req.query.file));
});

app.get('/send', (req, res) => {
  // ruleid: js-path-traversal
  res.sendFile(req.query.file);
});

app.get('/safe', (req, res) => {
  // ok: js-path-traversal
  res.sendFile(req.query.file, { root: UPLOADS });
  // ok: js-path-traversal
  fs.readFile(path.join(UPLOADS, path.basename(req.query.file)), () => {});
  // ok: js-path-traversal
  fs.readFile(path.join(UPLOADS, 'index.html'), () => {});
  const ALLOWED = ['a.txt', 'b.txt'];
  const wanted = req.query.doc;
  if (ALLOWED.includes(wanted)) {
    // ok: js-path-traversal
    fs.readFile(path.join(UPLOADS, wanted), () => {});
  }
});

app.get('/prefix-check', (req, res) => {
  const full = path.resolve(UPLOADS, req.query.file);
  if (!full.startsWith(UPLOADS + path.sep)) {
    return res.status(400).end();
  }
  // ok: js-path-traversal
  return res.sendFile(full);
});

app.get('/send-callback', (req, res) => {
  // ruleid: js-path-traversal
  res.sendFile(req.query.file, (err) => res.end());
});
