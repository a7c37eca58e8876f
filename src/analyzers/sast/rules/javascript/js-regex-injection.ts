import express, { type Request, type Response } from 'express';
import _ from 'lodash';
import escapeStringRegexp from 'escape-string-regexp';

const app = express();
const NAMES: string[] = ['alice', 'bob', 'carol'];

function wordPattern(word: string): string {
  return '^' + word + '$';
}

app.get('/search', (req: Request, res: Response) => {
  // ruleid: js-regex-injection
  const re = new RegExp(req.query.q as string, 'i');
  res.json(NAMES.filter((n) => re.test(n)));
});

app.get('/helper', (req: Request, res: Response) => {
  // ruleid: js-regex-injection
  const re = RegExp(wordPattern(req.query.word as string));
  res.json(NAMES.filter((n) => re.test(n)));
});

app.get('/template', (req: Request, res: Response) => {
  const prefix = req.query.prefix;
  // ruleid: js-regex-injection
  const re = new RegExp(`^${prefix}.*`);
  res.json(NAMES.filter((n) => re.test(n)));
});

app.get('/safe', (req: Request, res: Response) => {
  // ok: js-regex-injection
  const a = new RegExp(_.escapeRegExp(req.query.q), 'i');
  // ok: js-regex-injection
  const b = new RegExp('^' + escapeStringRegexp(req.query.q));
  // ok: js-regex-injection
  const c = new RegExp('^[a-z]+$');
  res.json([a.test('x'), b.test('y'), c.test('z'), NAMES.includes(req.query.q)]);
});
