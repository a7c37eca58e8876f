import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml, html, SAFE_HEADERS, type Handler } from '../harness.js';

// "Bulwark Books": a small shop with the usual mistakes, used to try the scanner as a new user
// would. Login, search, reviews, downloads, a redirect after login, and a JSON API described by
// an OpenAPI document. Sessions expire after a number of requests, to exercise re-login.

export interface ShopOptions {
  /** Folder with the downloadable files. */
  readonly filesDir: string;
  /** Requests a session lives for (the scanner must log in again after that). */
  readonly sessionRequests?: number;
}

interface Book {
  id: number;
  title: string;
  price: number;
}

export async function shopApp(options: ShopOptions): Promise<{ handler: Handler; openapi: (origin: string) => object; state: { logins: number } }> {
  const { default: initSqlJs } = await import('sql.js');
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.run("CREATE TABLE books (id INTEGER, title TEXT, price REAL); INSERT INTO books VALUES (1,'Dune',9.5),(2,'Emma',5),(3,'Ulysses',12);");
  const sessions = new Map<string, number>();
  const reviews: string[] = [];
  const state = { logins: 0 };
  const limit = options.sessionRequests ?? 1_000_000;

  const session = (cookie: string | undefined): boolean => {
    const sid = /sid=(\w+)/.exec(cookie ?? '')?.[1];
    if (sid === undefined) return false;
    const left = sessions.get(sid);
    if (left === undefined || left <= 0) return false;
    sessions.set(sid, left - 1);
    return true;
  };
  const layout = (body: string, loggedIn: boolean): string =>
    `<nav><a href="/">Home</a> <a href="/search?q=dune">Search</a> <a href="/reviews">Reviews</a> <a href="/download?file=catalog.txt">Catalog</a>${loggedIn ? ' <a href="/account">My account</a> <a href="/logout">Log out</a>' : ' <a href="/login">Log in</a>'}</nav>${body}`;

  const handler: Handler = async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const loggedIn = session(req.headers.cookie);
    const page = (content: string, status = 200): void => html(res, layout(content, loggedIn), { 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' }, status);
    switch (url.pathname) {
      case '/':
        return page('<h1>Bulwark Books</h1><p>Welcome.</p>');
      case '/login': {
        if (req.method === 'POST') {
          const form = new URLSearchParams(body);
          if (form.get('username') === 'alice' && form.get('password') === 'wonderland') {
            const sid = Math.random().toString(36).slice(2);
            sessions.set(sid, limit);
            state.logins++;
            // The redirect target comes from the form: an open redirect.
            res.writeHead(302, { Location: form.get('next') || '/account', 'Set-Cookie': `sid=${sid}; Path=/; HttpOnly; SameSite=Lax` });
            return res.end();
          }
          return page('<p>Wrong user name or password.</p>', 401);
        }
        return page(`<form method="post" action="/login"><input name="username"><input type="password" name="password"><input type="hidden" name="next" value="${escapeHtml(url.searchParams.get('next') ?? '/account')}"><button>Log in</button></form>`);
      }
      case '/logout':
        res.writeHead(302, { Location: '/', 'Set-Cookie': 'sid=; Max-Age=0; Path=/' });
        return res.end();
      case '/account':
        if (!loggedIn) {
          res.writeHead(302, { Location: '/login' });
          return res.end();
        }
        return page('<h1>My account</h1><p>Signed in as alice.</p><a href="/orders?id=1">Orders</a>');
      case '/orders': {
        if (!loggedIn) {
          res.writeHead(302, { Location: '/login' });
          return res.end();
        }
        // Behind the login: a reflected XSS only an authenticated scan reaches.
        return page(`<p>Order ${url.searchParams.get('id') ?? ''}</p>`);
      }
      case '/search': {
        const q = url.searchParams.get('q') ?? '';
        let rows: unknown[][];
        try {
          rows = db.exec(`SELECT title, price FROM books WHERE lower(title) LIKE '%${q.toLowerCase()}%'`)[0]?.values ?? [];
        } catch (error) {
          return page(`<p class="error">Query failed: ${escapeHtml(error instanceof Error ? error.message : String(error))}</p>`, 500);
        }
        return page(`<form action="/search"><input name="q" value="${escapeHtml(q)}"></form><ul>${rows.map((r) => `<li>${escapeHtml(String(r[0]))}</li>`).join('')}</ul>`);
      }
      case '/reviews':
        if (req.method === 'POST') {
          const text = new URLSearchParams(body).get('review') ?? '';
          if (reviews.length < 200) reviews.push(text);
          res.writeHead(303, { Location: '/reviews' });
          return res.end();
        }
        return page(`<h1>Reviews</h1>${reviews.map((r) => `<blockquote>${r}</blockquote>`).join('')}<form method="post" action="/reviews"><textarea name="review"></textarea><button>Post</button></form>`);
      case '/download': {
        const file = url.searchParams.get('file') ?? '';
        try {
          const text = await readFile(join(options.filesDir, file), 'utf8');
          res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Content-Type-Options': 'nosniff' });
          return res.end(text.slice(0, 10_000));
        } catch {
          return page('<p>No such file.</p>', 404);
        }
      }
      case '/api/books': {
        const rows = db.exec('SELECT id, title, price FROM books')[0]?.values ?? [];
        res.writeHead(200, { 'Content-Type': 'application/json', ...SAFE_HEADERS });
        return res.end(JSON.stringify(rows.map((r) => ({ id: r[0], title: r[1], price: r[2] }))));
      }
      default: {
        const match = /^\/api\/books\/([^/]+)$/.exec(url.pathname);
        if (match) {
          const id = decodeURIComponent(match[1] ?? '');
          try {
            const rows = db.exec(`SELECT id, title, price FROM books WHERE id = ${id}`)[0]?.values ?? [];
            const row = rows[0];
            if (!row) {
              res.writeHead(404, { 'Content-Type': 'application/json', ...SAFE_HEADERS });
              return res.end('{"error":"not found"}');
            }
            const book: Book = { id: Number(row[0]), title: String(row[1]), price: Number(row[2]) };
            res.writeHead(200, { 'Content-Type': 'application/json', ...SAFE_HEADERS });
            return res.end(JSON.stringify(book));
          } catch (error) {
            // Unhandled: the error and its stack go to the client.
            res.writeHead(500, { 'Content-Type': 'text/plain', ...SAFE_HEADERS });
            return res.end(error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error));
          }
        }
        if (url.pathname === '/api/orders' && req.method === 'POST') {
          let order: { bookId?: unknown; quantity?: unknown; note?: unknown };
          try {
            order = JSON.parse(body) as typeof order;
          } catch {
            res.writeHead(400, { 'Content-Type': 'application/json', ...SAFE_HEADERS });
            return res.end('{"error":"bad json"}');
          }
          if (typeof order.quantity !== 'number') {
            // A missing check: a string quantity crashes the handler.
            res.writeHead(500, { 'Content-Type': 'application/json', ...SAFE_HEADERS });
            return res.end('{"error":"internal"}');
          }
          res.writeHead(201, { 'Content-Type': 'application/json', ...SAFE_HEADERS });
          return res.end(JSON.stringify({ id: 7, total: order.quantity * 9.5, note: String(order.note ?? '') }));
        }
        return page('<p>Not found.</p>', 404);
      }
    }
  };

  const openapi = (origin: string): object => ({
    openapi: '3.0.3',
    info: { title: 'Bulwark Books API', version: '1.0.0' },
    servers: [{ url: `${origin}/api` }],
    paths: {
      '/books': { get: { responses: { '200': { description: 'books', content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Book' } } } } } } } },
      '/books/{id}': {
        get: {
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1, example: 1 } }],
          responses: {
            '200': { description: 'a book', content: { 'application/json': { schema: { $ref: '#/components/schemas/Book' } } } },
            '404': { description: 'no such book' },
          },
        },
      },
      '/orders': {
        post: {
          requestBody: {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['bookId', 'quantity'],
                  properties: { bookId: { type: 'integer', example: 1 }, quantity: { type: 'integer', minimum: 1, maximum: 10 }, note: { type: 'string', maxLength: 200 } },
                },
              },
            },
          },
          responses: { '201': { description: 'created', content: { 'application/json': { schema: { type: 'object', required: ['id', 'total'], properties: { id: { type: 'integer' }, total: { type: 'number' } } } } } }, '400': { description: 'bad input' } },
        },
      },
    },
    components: { schemas: { Book: { type: 'object', required: ['id', 'title', 'price'], properties: { id: { type: 'integer' }, title: { type: 'string' }, price: { type: 'number' } } } } },
  });

  return { handler, openapi, state };
}
