import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { it } from 'vitest';
import type { Module } from '../ir/types.js';
import { translateSource } from '../ir/translate/index.js';
import { loadLanguages } from '../match/test-support.js';
import { matchRule } from '../match/index.js';
import type { Formula, SearchRule } from '../rules/types.js';
import { runTaint } from './index.js';
import { focus, taintRule } from './test-support.js';

function walk(dir: string, out: string[]): void {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    const s = statSync(p);
    if (s.isDirectory()) { if (n !== 'test' && n !== 'tests' && n !== 'site-packages') walk(p, out); }
    else if (n.endsWith('.py')) out.push(p);
  }
}
const cpu = (): number => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

it('bench', async () => {
  await loadLanguages(['python']);
  const root = '/usr/lib/python3.11';
  const files: string[] = [];
  walk(root, files);
  const modules: Module[] = [];
  const sources = new Map<string, string>();
  let bytes = 0;
  let t = cpu();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    bytes += text.length;
    const r = translateSource('python', relative(root, f), text);
    if (r.module) { modules.push(r.module); sources.set(r.module.path, text); }
  }
  const parse = cpu() - t;
  const pats: string[] = ['eval(...)', 'exec(...)', 'os.system(...)', 'subprocess.call(..., shell=True, ...)', 'subprocess.Popen(..., shell=True, ...)', 'pickle.loads(...)', 'yaml.load(...)', 'hashlib.md5(...)', 'hashlib.sha1(...)', 'random.random()', 'tempfile.mktemp(...)', 'ssl._create_unverified_context(...)', '$X == $X', 'requests.get(..., verify=False, ...)', 'marshal.loads(...)', 'input(...)', '$S.execute("..." % $X)', 'os.chmod($F, 0o777)', 'assert $X', 'xml.etree.ElementTree.parse(...)'];
  const rules: SearchRule[] = pats.map((source, i) => ({ id: `r${i}`, languages: ['python'], message: 'm', severity: 'high', confidence: 'high', file: 'x', mode: 'search', formula: { kind: 'pattern', source } as Formula, metadata: { title: 't', category: 's', cwe: [1], owasp: [], references: [] } }));
  t = cpu();
  let hits = 0;
  for (const m of modules) for (const r of rules) hits += matchRule(r, m, sources.get(m.path) ?? '').length;
  const match = cpu() - t;
  const taintRules = [
    taintRule('python', { sources: ['input(...)', 'sys.argv', 'os.environ.get(...)', 'request.args'], sinks: ['os.system(...)', 'eval(...)', 'exec(...)', 'subprocess.call(...)', focus('$C.execute($Q, ...)', '$Q')] }),
    taintRule('python', { sources: ['request.args', 'request.form'], sinks: ['open(...)', 'redirect(...)'] }),
  ];
  t = cpu();
  let tf = 0;
  for (const r of taintRules) tf += runTaint(r, modules, sources).length;
  const taint = cpu() - t;
  console.log(JSON.stringify({ files: modules.length, mb: bytes / 1e6, parseMs: parse, matchMs: match, hits, taintMs: taint, taintFindings: tf }));
}, 600_000);
