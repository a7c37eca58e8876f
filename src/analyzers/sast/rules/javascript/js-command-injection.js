const express = require('express');
const child_process = require('child_process');
const { exec, execSync, execFile, spawn } = require('child_process');
const cp = require('child_process');
const shellQuote = require('shell-quote');

const app = express();

function archive(name) {
  // ruleid: js-command-injection
  cp.exec('tar czf /tmp/out.tgz ' + name, () => {});
}

function pingCommand(host) {
  return `ping -c 1 ${host}`;
}

app.get('/ping', (req, res) => {
  // ruleid: js-command-injection
  exec('ping -c 1 ' + req.query.host, (err, out) => res.send(out));
});

app.get('/template', (req, res) => {
  const dir = req.params.dir;
  // ruleid: js-command-injection
  const out = execSync(`ls -la ${dir}`);
  res.send(out);
});

app.post('/helper', (req, res) => {
  // ruleid: js-command-injection
  child_process.exec(pingCommand(req.body.host));
  archive(req.body.name);
  res.end();
});

app.post('/collection', (req, res) => {
  const args = ['convert'];
  args.push(req.body.file);
  const line = args.join(' ');
  // ruleid: js-command-injection
  execSync(line);
  const opts = { target: req.body.target };
  // ruleid: js-command-injection
  exec('nslookup ' + opts.target);
  res.end();
});

app.get('/shell-option', (req, res) => {
  // ruleid: js-command-injection
  spawn(req.query.cmd, [], { shell: true });
  // ruleid: js-command-injection
  spawn('sh', ['-c', 'echo ' + req.query.msg]);
  res.end();
});

app.get('/safe', (req, res) => {
  // ok: js-command-injection
  execFile('ls', ['-la', req.query.dir], (err, out) => res.send(out));
  // ok: js-command-injection
  spawn('grep', [req.query.term, '/var/log/app.log']);
  // ok: js-command-injection
  exec('uptime');
  // ok: js-command-injection
  exec('ping -c 1 ' + shellQuote.quote([req.query.host]));
  const count = parseInt(req.query.count, 10);
  // ok: js-command-injection
  exec('head -n ' + count + ' /var/log/app.log');
  let mode = req.query.mode;
  mode = 'fast';
  // ok: js-command-injection
  execSync('run --' + mode);
  res.end();
});
