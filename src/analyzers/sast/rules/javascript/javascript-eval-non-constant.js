function handler(req) {
  const code = req.query.code;
  // ruleid: javascript-eval-non-constant
  eval(code);
  // ok: javascript-eval-non-constant
  eval('1 + 1');
  // ruleid: javascript-eval-non-constant
  return eval(`compute(${code})`);
}
