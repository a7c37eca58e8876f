import { isSimilar } from '../active/compare.js';
import { requestWith, type InjectionPoint } from '../active/target.js';
import { provesDelay } from '../active/timing.js';
import type { Exchange } from '../http/types.js';
import { defineDastRule, type ActiveCheck, type ActiveContext, type ActiveHit } from './types.js';

export const sqlInjection = defineDastRule({
  id: 'dast-sql-injection',
  title: 'SQL injection',
  description: 'A parameter is put into an SQL statement without being bound as a value, so an attacker can read or change any data the database account can reach.',
  severity: 'critical',
  cwe: [89],
  owasp: ['A03:2021'],
  references: ['https://owasp.org/www-community/attacks/SQL_Injection', 'https://cheatsheetseries.owasp.org/cheatsheets/SQL_Injection_Prevention_Cheat_Sheet.html'],
  remediation: 'Use parameterised queries (prepared statements) or the ORM\'s binding for every value; never build SQL by string concatenation.',
});

/** Database error messages: a payload that provokes one shows the input reached SQL unquoted. */
export const SQL_ERRORS: readonly { readonly db: string; readonly pattern: RegExp }[] = [
  { db: 'MySQL', pattern: /You have an error in your SQL syntax|check the manual that corresponds to your (MySQL|MariaDB) server version|mysql_fetch|mysqli?_(query|num_rows)|MySqlException|com\.mysql\.jdbc/i },
  { db: 'PostgreSQL', pattern: /PG::SyntaxError|PSQLException|pg_query\(\)|unterminated quoted string at or near|syntax error at or near "|invalid input syntax for (type )?integer/i },
  { db: 'SQLite', pattern: /SQLITE_ERROR|sqlite3\.OperationalError|SQLiteException|unrecognized token: "|near "[^"\n]{0,60}": syntax error|incomplete input/i },
  { db: 'Microsoft SQL Server', pattern: /Unclosed quotation mark after the character string|Microsoft OLE DB Provider for SQL Server|SqlException|Incorrect syntax near/i },
  { db: 'Oracle', pattern: /\bORA-\d{5}\b|quoted string not properly terminated|Oracle error/i },
  { db: 'generic', pattern: /SQLSTATE\[\w+\]|JDBC(Exception|Driver)|ODBC (SQL Server )?Driver|SQL command not properly ended|DB2 SQL error/i },
];

// Error pages usually escape the message they show; the signatures are written for the raw text.
function unescapeHtml(text: string): string {
  return text.replace(/&(quot|#34|#x22|#39|#x27|apos|lt|gt|amp);/gi, (entity) => {
    const name = entity.slice(1, -1).toLowerCase();
    return name === 'lt' ? '<' : name === 'gt' ? '>' : name === 'amp' ? '&' : name === 'quot' || name === '#34' || name === '#x22' ? '"' : "'";
  });
}

export function findSqlError(text: string): { db: string; match: string } | undefined {
  const sample = unescapeHtml(text.slice(0, 300_000));
  for (const { db, pattern } of SQL_ERRORS) {
    const match = pattern.exec(sample);
    if (match) return { db, match: match[0] };
  }
  return undefined;
}

async function errorBased(point: InjectionPoint, ctx: ActiveContext): Promise<ActiveHit | undefined> {
  if (findSqlError(ctx.baseline.response.body)) return undefined;
  for (const suffix of ["'", '"', "')", "'\"`)"]) {
    const exchange = await ctx.send(requestWith(point.target, point, `${point.original}${suffix}`));
    const found = exchange ? findSqlError(exchange.response.body) : undefined;
    if (exchange && found) {
      return { rule: sqlInjection, summary: `Error-based: appending ${JSON.stringify(suffix)} produced a ${found.db} error: ${found.match}`, exchange };
    }
  }
  return undefined;
}

type Pair = readonly [string, string];

function booleanPairs(original: string, a: number, b: number): Pair[] {
  return [
    [`${original}' AND '${a}'='${a}`, `${original}' AND '${a}'='${b}`],
    [`${original}' OR '${a}'='${a}`, `${original}' OR '${a}'='${b}`],
    [`${original}' AND ${a}=${a}-- -`, `${original}' AND ${a}=${b}-- -`],
    [`${original} AND ${a}=${a}`, `${original} AND ${a}=${b}`],
    [`${original} OR ${a}=${a}`, `${original} OR ${a}=${b}`],
    [`${original}" AND "${a}"="${a}`, `${original}" AND "${a}"="${b}`],
  ];
}

async function booleanBased(point: InjectionPoint, ctx: ActiveContext): Promise<ActiveHit | undefined> {
  const again = await ctx.send(requestWith(point.target, point, point.original));
  // A page that changes by itself cannot show a true/false difference.
  if (!again || !isSimilar(again, ctx.baseline, [])) return undefined;
  const [a1, b1] = ctx.factors();
  const [a2, b2] = ctx.factors();
  const first = booleanPairs(point.original, a1 % 1000, b1 % 1000);
  const second = booleanPairs(point.original, a2 % 1000, b2 % 1000);
  for (let i = 0; i < first.length; i++) {
    const [trueA, falseA] = first[i] as Pair;
    const [trueB, falseB] = second[i] as Pair;
    const t1 = await ctx.send(requestWith(point.target, point, trueA));
    const f1 = await ctx.send(requestWith(point.target, point, falseA));
    if (!t1 || !f1) continue;
    const injected = [trueA, falseA, trueB, falseB];
    if (isSimilar(t1, f1, injected)) continue;
    if (!isSimilar(t1, ctx.baseline, injected) && !isSimilar(f1, ctx.baseline, injected)) continue;
    const t2 = await ctx.send(requestWith(point.target, point, trueB));
    const f2 = await ctx.send(requestWith(point.target, point, falseB));
    if (!t2 || !f2 || !isSimilar(t2, t1, injected) || !isSimilar(f2, f1, injected) || isSimilar(t2, f2, injected)) continue;
    return {
      rule: sqlInjection,
      summary: `Boolean-based: ${JSON.stringify(trueA)} and ${JSON.stringify(falseA)} give different pages (confirmed with a second pair), one of them the unmodified page`,
      exchange: t1,
      supporting: [
        { name: 'False condition', exchange: f1 },
        { name: 'True condition (repeat)', exchange: t2 },
        { name: 'False condition (repeat)', exchange: f2 },
      ],
    };
  }
  return undefined;
}

function timePayloads(original: string): ((s: number) => string)[] {
  return [
    (s) => `${original}' AND SLEEP(${s})-- -`,
    (s) => `${original}' OR SLEEP(${s})-- -`,
    (s) => `${original} AND SLEEP(${s})`,
    (s) => `${original}' AND 1=(SELECT 1 FROM pg_sleep(${s}))-- -`,
    (s) => `${original}';SELECT pg_sleep(${s})-- -`,
    (s) => `${original} AND 1=(SELECT 1 FROM pg_sleep(${s}))`,
    (s) => `${original}';WAITFOR DELAY '0:0:${s.toFixed(3).padStart(6, '0')}'--`,
  ];
}

async function timeBased(point: InjectionPoint, ctx: ActiveContext, baselineMs: number): Promise<ActiveHit | undefined> {
  for (const payload of timePayloads(point.original)) {
    const proof = await provesDelay(ctx.send, (s) => requestWith(point.target, point, payload(s)), baselineMs, ctx.timeDelayMs);
    if (!proof) continue;
    return {
      rule: sqlInjection,
      summary: `Time-based: ${JSON.stringify(payload(ctx.timeDelayMs / 1000))} took ${proof.slow.response.elapsedMs} ms; with a zero delay ${proof.fast.response.elapsedMs} ms; with twice the delay ${proof.again.response.elapsedMs} ms (unmodified ${baselineMs} ms)`,
      exchange: proof.slow,
      supporting: [
        { name: 'Zero delay', exchange: proof.fast },
        { name: 'Double delay', exchange: proof.again },
      ],
    };
  }
  return undefined;
}

export async function baselineLatency(ctx: ActiveContext, point: InjectionPoint): Promise<number> {
  const samples: Exchange[] = [ctx.baseline];
  for (let i = 0; i < 2; i++) {
    const sample = await ctx.send(requestWith(point.target, point, point.original));
    if (sample) samples.push(sample);
  }
  // The median: one slow sample on a busy machine must not hide a delay.
  const sorted = samples.map((s) => s.response.elapsedMs).sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export const sqlInjectionCheck: ActiveCheck = {
  family: 'sql-injection',
  rules: [sqlInjection],
  async attackPoint(point, ctx) {
    const hit = (await errorBased(point, ctx)) ?? (await booleanBased(point, ctx)) ?? (await timeBased(point, ctx, await baselineLatency(ctx, point)));
    return hit ? [hit] : [];
  },
};
