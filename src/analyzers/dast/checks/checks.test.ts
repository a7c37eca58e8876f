import { describe, expect, it } from 'vitest';
import { ACTIVE_CHECKS, allDastRules, CHECK_FAMILIES, PASSIVE_CHECKS } from './index.js';
import { weakCspReason } from './security-headers.js';
import { findSqlError } from './sql-injection.js';
import { findStackTrace } from './stack-traces.js';
import { reflectionContexts, scriptQuoteAt } from './xss-context.js';
import { fileProof } from './path-traversal.js';

describe('analyzers/dast/checks', () => {
  it('lists every family once, with unique rule ids that carry CWE, OWASP, references and advice', () => {
    expect(new Set(CHECK_FAMILIES).size).toBe(CHECK_FAMILIES.length);
    expect(PASSIVE_CHECKS.length + ACTIVE_CHECKS.length).toBe(17);
    const rules = allDastRules();
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const rule of rules) {
      expect(rule.id, rule.id).toMatch(/^dast-[a-z0-9-]+$/);
      expect(rule.cwe.length, rule.id).toBeGreaterThan(0);
      expect(rule.owasp?.length, rule.id).toBeGreaterThan(0);
      expect(rule.remediation.length, rule.id).toBeGreaterThan(10);
      if (rule.severity !== 'info') expect(rule.references.length, rule.id).toBeGreaterThan(0);
    }
  });

  it.each([
    ["default-src 'self'", undefined],
    ["script-src 'self' 'nonce-abc' 'unsafe-inline'", undefined],
    ["script-src 'self' 'unsafe-inline'", "script sources allow 'unsafe-inline'"],
    ['default-src *', 'script sources allow *'],
    ["script-src https: 'self'", 'script sources allow https:'],
    ["img-src 'self'", 'no script-src or default-src directive'],
    ["default-src 'self'; script-src 'self' 'unsafe-eval'", "script sources allow 'unsafe-eval'"],
  ])('judges the CSP %s', (csp, reason) => {
    expect(weakCspReason(csp)).toBe(reason);
  });

  it.each([
    ['You have an error in your SQL syntax; check the manual', 'MySQL'],
    ['ERROR: unterminated quoted string at or near "\'"', 'PostgreSQL'],
    ['Query failed: unrecognized token: &quot;&#39;&quot;', 'SQLite'],
    ["Unclosed quotation mark after the character string ''.", 'Microsoft SQL Server'],
    ['ORA-01756: quoted string not properly terminated', 'Oracle'],
  ])('recognises the database error %s', (text, db) => {
    expect(findSqlError(text)?.db).toBe(db);
  });

  it('leaves ordinary pages alone', () => {
    const page = '<p>We use SQL and MySQL. Error: please try again. at home (sweet home)</p>';
    expect(findSqlError(page)).toBeUndefined();
    expect(findStackTrace(page)).toBeUndefined();
    expect(fileProof('root user: admin; 0:0')).toBeUndefined();
  });

  it.each([
    ['java.lang.NullPointerException: x\n\tat com.acme.Shop.buy(Shop.java:42)', 'Java stack trace'],
    ['PHP Fatal error:  Uncaught Error', 'PHP stack trace'],
    ["app/models/user.rb:12:in `find'", 'Ruby stack trace'],
    ['goroutine 1 [running]:\nmain.main()', 'Go panic'],
    ['   at Shop.Buy(Int32 id) in C:\\src\\Shop.cs:line 42', '.NET stack trace'],
  ])('recognises a stack trace: %s', (text, name) => {
    expect(findStackTrace(`\n${text}`)?.name).toBe(name);
  });

  it('tells where a reflection lands, and which script quote is open', () => {
    const m = 'bwkmark';
    expect([...reflectionContexts(`<p>${m}</p>`, m)]).toEqual(['html']);
    expect([...reflectionContexts(`<input value="${m}">`, m)]).toEqual(['attr-dq']);
    expect([...reflectionContexts(`<input value='${m}'>`, m)]).toEqual(['attr-sq']);
    expect([...reflectionContexts(`<script>var a = "x${m}";</script>`, m)]).toEqual(['script-dq']);
    expect([...reflectionContexts(`<script>var a = 1; // '\nvar b = '${m}';</script>`, m)]).toEqual(['script-sq']);
    expect([...reflectionContexts(`<textarea>${m}</textarea>`, m)]).toEqual(['rcdata']);
    expect([...reflectionContexts(`<!-- ${m} -->`, m)]).toEqual(['comment']);
    expect(scriptQuoteAt('var a = "it\\"s', 14)).toBe('"');
  });
});
