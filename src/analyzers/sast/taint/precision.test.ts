import { beforeAll, describe, expect, it } from 'vitest';
import { loadLanguages } from '../match/test-support.js';
import { focus, runOn, taintRule } from './test-support.js';

beforeAll(async () => {
  await loadLanguages(['python', 'java']);
});

const java = taintRule('java', {
  sources: ['(HttpServletRequest $R).getParameter(...)', '$R.getParameter(...)'],
  sinks: [focus('$S.executeQuery($Q)', '$Q')],
});
const py = taintRule('python', { sources: ['request.args'], sinks: ['os.system(...)', 'open(...)'] });

/** A servlet-style method around `body`; `param` is tainted. The sink is on the last line. */
const javaLines = (body: string): number[] => {
  const code = `class A {\n  void f(javax.servlet.http.HttpServletRequest request, java.sql.Statement st, int n) {\n    String param = request.getParameter("a");\n${body}\n    st.executeQuery("SELECT " + bar);\n  }\n}\n`;
  return runOn(java, { 'A.java': code }).map((r) => r.line);
};
const sinkLine = (body: string): number => body.split('\n').length + 4;
const javaReports = (body: string): boolean => javaLines(body).includes(sinkLine(body));

const pyReports = (body: string): boolean => {
  const code = `import os\nfrom flask import request\n\ndef view():\n    param = request.args.get("a")\n${body.split('\n').map((l) => `    ${l}`).join('\n')}\n    os.system(bar)\n`;
  return runOn(py, { 'app.py': code }).length > 0;
};

describe('analyzers/sast/taint: collections read by constant key or index', () => {
  it('Java map: the constant key read decides, the tainted key is still reported', () => {
    const put = 'java.util.HashMap<String, Object> map = new java.util.HashMap<String, Object>();\nmap.put("keyA", "a");\nmap.put("keyB", param);';
    expect(javaReports(`${put}\nString bar = (String) map.get("keyA");`)).toBe(false);
    expect(javaReports(`${put}\nString bar = (String) map.get("keyB");`)).toBe(true);
    // A key only known at run time, or the map handed to other code, reads the whole map.
    expect(javaReports(`${put}\nString k = request.getHeader("k");\nString bar = (String) map.get(k);`)).toBe(true);
    expect(javaReports(`${put}\nhelper(map);\nString bar = (String) map.get("keyA");`)).toBe(true);
    // Overwriting the tainted key with a constant cleans it.
    expect(javaReports(`${put}\nmap.put("keyB", "b");\nString bar = (String) map.get("keyB");`)).toBe(false);
  });

  it('Java list: positions follow add, add(i, x) and remove(i)', () => {
    const list = 'java.util.List<String> values = new java.util.ArrayList<String>();\nvalues.add("safe");\nvalues.add(param);\nvalues.add("moresafe");';
    expect(javaReports(`${list}\nvalues.remove(0);\nString bar = values.get(1);`)).toBe(false);
    expect(javaReports(`${list}\nvalues.remove(0);\nString bar = values.get(0);`)).toBe(true);
    expect(javaReports(`${list}\nString bar = values.get(1);`)).toBe(true);
    expect(javaReports(`${list}\nvalues.add(0, "x");\nString bar = values.get(2);`)).toBe(true);
    expect(javaReports(`${list}\nString bar = values.get(n);`)).toBe(true);
    // Added in a loop: the length is unknown afterwards.
    expect(javaReports(`java.util.List<String> values = new java.util.ArrayList<String>();\nvalues.add("a");\nfor (int i = 0; i < n; i++) values.add(param);\nString bar = values.get(3);`)).toBe(true);
    expect(javaReports(`${list}\nvalues.remove("safe");\nString bar = values.get(0);`)).toBe(true);
  });

  it('Python dict literal, list literal with pop, configparser', () => {
    expect(pyReports('d = {"keyA": "a", "keyB": param}\nbar = d["keyA"]')).toBe(false);
    expect(pyReports('d = {"keyA": "a", "keyB": param}\nbar = d["keyB"]')).toBe(true);
    expect(pyReports('d = {"keyA": "a", "keyB": param}\nbar = d.get("keyA")')).toBe(false);
    expect(pyReports('d = {"keyA": "a", "keyB": param}\nbar = d')).toBe(true);
    expect(pyReports('lst = ["safe", param, "moresafe"]\nlst.pop(0)\nbar = lst[1]')).toBe(false);
    expect(pyReports('lst = ["safe", param, "moresafe"]\nlst.pop(0)\nbar = lst[0]')).toBe(true);
    // `remove` takes a value, `del` a position: either way the positions are no longer known.
    expect(pyReports('lst = ["safe", param, "moresafe"]\nlst.remove("safe")\nbar = lst[0]')).toBe(true);
    expect(pyReports('lst = ["safe", param, "moresafe"]\ndel lst[0]\nbar = lst[0]')).toBe(true);
    expect(pyReports('lst = ["safe", param]\nfor x in lst:\n    bar = x')).toBe(true);
    const conf = 'conf = configparser.ConfigParser()\nconf.add_section("s")\nconf.set("s", "keyA", "a")\nconf.set("s", "keyB", param)';
    expect(pyReports(`${conf}\nbar = conf.get("s", "keyA")`)).toBe(false);
    expect(pyReports(`${conf}\nbar = conf.get("s", "keyB")`)).toBe(true);
    expect(pyReports(`${conf}\nconf.read_string(other)\nbar = conf.get("s", "keyB")`)).toBe(true);
  });
});

describe('analyzers/sast/taint: branches decided by constants', () => {
  it('prunes the branch constant arithmetic rules out, and only that one', () => {
    expect(javaReports('int num = 106;\nString bar = (7 * 18) + num > 200 ? "c" : param;')).toBe(false);
    expect(javaReports('int num = 106;\nString bar = (7 * 42) - num > 200 ? "c" : param;')).toBe(true);
    expect(javaReports('String bar;\nint num = 86;\nif ((7 * 42) - num > 200) bar = "c";\nelse bar = param;')).toBe(false);
    // Not a constant any more: both branches count.
    expect(javaReports('int num = 106;\nnum = n;\nString bar = (7 * 18) + num > 200 ? "c" : param;')).toBe(true);
    expect(javaReports('int num = 106;\nnum++;\nString bar = (7 * 18) + num > 200 ? "c" : param;')).toBe(true);
    expect(javaReports('int num = 106;\nfor (int i = 0; i < n; i++) num += 50;\nString bar = (7 * 18) + num > 200 ? "c" : param;')).toBe(true);
    expect(pyReports('num = 106\nbar = "c" if 7 * 18 + num > 200 else param')).toBe(false);
    expect(pyReports('num = 86\nif 7 * 42 - num > 200:\n    bar = "c"\nelse:\n    bar = param')).toBe(false);
    expect(pyReports('num = 86\nif cond():\n    num = 500\nif 7 * 42 - num > 200:\n    bar = "c"\nelse:\n    bar = param')).toBe(true);
  });

  it('runs only the switch case a constant selects, with fall-through', () => {
    const sw = (index: number, cases: string) => `String bar = "x";\nchar target = "ABC".charAt(${index});\nswitch (target) {\n${cases}\n}`;
    const cases = "case 'A': bar = param; break;\ncase 'B': bar = \"bob\"; break;\ncase 'C':\ncase 'D': bar = param; break;\ndefault: bar = param; break;";
    expect(javaReports(sw(1, cases))).toBe(false);
    expect(javaReports(sw(0, cases))).toBe(true);
    expect(javaReports(sw(2, cases))).toBe(true);
    // 'B' falls through into a tainting case when its break is missing.
    expect(javaReports(sw(1, "case 'B': bar = \"bob\";\ncase 'C': bar = param; break;"))).toBe(true);
    // A char matches an int label ('B' is 66): not folded, so every case counts.
    expect(javaReports(sw(1, 'case 66: bar = param; break;\ndefault: bar = "x"; break;'))).toBe(true);
    expect(pyReports('possible = "ABC"[1]\nif possible == "A":\n    bar = param\nelif possible == "B":\n    bar = "bob"\nelse:\n    bar = param')).toBe(false);
    expect(pyReports('possible = "ABC"[0]\nif possible == "A":\n    bar = param\nelse:\n    bar = "bob"')).toBe(true);
  });
});

describe('analyzers/sast/taint: Python `/`', () => {
  it('joins paths when an operand is tainted, and is arithmetic against a number', () => {
    expect(pyReports('bar = TESTFILES_DIR / param')).toBe(true);
    expect(pyReports('bar = param / 2')).toBe(false);
  });
});
