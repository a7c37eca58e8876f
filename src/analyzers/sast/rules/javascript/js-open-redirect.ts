import express, { type Request, type Response } from 'express';

const app = express();
const TARGETS: Record<string, string> = { home: '/', docs: '/docs', billing: '/account/billing' };

function afterLogin(next: string | undefined): string {
  return next || '/dashboard';
}

app.get('/login/done', (req: Request, res: Response) => {
  // ruleid: js-open-redirect
  res.redirect(req.query.next as string);
});

app.get('/status', (req: Request, res: Response) => {
  // ruleid: js-open-redirect
  res.redirect(302, afterLogin(req.query.returnTo as string));
});

app.get('/template', (req: Request, res: Response) => {
  const host: string = String(req.query.host);
  // ruleid: js-open-redirect
  res.location(`https://${req.query.host}/welcome`);
  res.status(302).send(host.length);
});

app.get('/header', (req: Request, res: Response) => {
  const target = { url: req.query.url as string };
  // ruleid: js-open-redirect
  res.setHeader('Location', target.url);
  res.statusCode = 302;
  res.end();
});

app.get('/safe', (req: Request, res: Response) => {
  // ok: js-open-redirect
  res.redirect(TARGETS[req.query.to as string] ?? '/');
  // ok: js-open-redirect
  res.redirect('/search?q=' + encodeURIComponent(req.query.q as string));
  // ok: js-open-redirect
  res.redirect('/home');
});

app.get('/allow-listed', (req: Request, res: Response) => {
  const ALLOWED = ['/', '/docs'];
  const next = req.query.next as string;
  if (ALLOWED.includes(next)) {
    // ok: js-open-redirect
    return res.redirect(next);
  }
  return res.redirect('/');
});
