import { Parser } from 'htmlparser2';

export type XssContext = 'html' | 'attr-dq' | 'attr-sq' | 'attr-unquoted' | 'script-dq' | 'script-sq' | 'script-tpl' | 'script-code' | 'comment' | 'rcdata';

const RCDATA = new Set(['textarea', 'title', 'noscript', 'xmp', 'style']);

/** The quote a script string is open with at `index` of `code` (`'`, `"`, `` ` ``) or '' outside strings. */
export function scriptQuoteAt(code: string, index: number): string {
  let quote = '';
  for (let i = 0; i < index && i < code.length; i++) {
    const ch = code[i];
    if (quote !== '') {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      if (end === -1 || end >= index) return '';
      i = end;
    }
  }
  return quote;
}

/** Where `marker` lands in a page: text, which attribute quoting, which script string, comment. */
export function reflectionContexts(html: string, marker: string): Set<XssContext> {
  const contexts = new Set<XssContext>();
  if (!html.includes(marker)) return contexts;
  const open: string[] = [];
  let scriptText = '';
  const parser = new Parser(
    {
      onopentag(name) {
        open.push(name);
        if (name === 'script') scriptText = '';
      },
      onattribute(_name, value, quote) {
        if (!value.includes(marker)) return;
        contexts.add(quote === '"' ? 'attr-dq' : quote === "'" ? 'attr-sq' : 'attr-unquoted');
      },
      ontext(text) {
        const parent = open[open.length - 1];
        if (parent === 'script') {
          scriptText += text;
          return;
        }
        if (text.includes(marker)) contexts.add(parent !== undefined && RCDATA.has(parent) ? 'rcdata' : 'html');
      },
      oncomment(text) {
        if (text.includes(marker)) contexts.add('comment');
      },
      onclosetag(name) {
        if (name === 'script') {
          let from = 0;
          for (;;) {
            const at = scriptText.indexOf(marker, from);
            if (at === -1) break;
            const quote = scriptQuoteAt(scriptText, at);
            contexts.add(quote === '"' ? 'script-dq' : quote === "'" ? 'script-sq' : quote === '`' ? 'script-tpl' : 'script-code');
            from = at + marker.length;
          }
        }
        const at = open.lastIndexOf(name);
        if (at !== -1) open.length = at;
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html.slice(0, 1_000_000));
  parser.end();
  return contexts;
}

/**
 * For each context, a payload that breaks out of it and the exact text whose presence in the
 * response proves the break-out was not escaped.
 */
export function xssPayload(context: XssContext, m: string): { payload: string; proof: RegExp } {
  const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  switch (context) {
    case 'html':
      return { payload: `${m}<${m}x>`, proof: new RegExp(`<${m}x>`) };
    case 'rcdata':
      return { payload: `${m}</textarea></title></style></noscript><${m}x>`, proof: new RegExp(`</(textarea|title|style|noscript)><${m}x>`) };
    case 'comment':
      return { payload: `${m}--><${m}x>`, proof: new RegExp(`--><${m}x>`) };
    case 'attr-dq':
      return { payload: `${m}" ${m}x="1`, proof: new RegExp(`${esc(m)}" ${m}x="1`) };
    case 'attr-sq':
      return { payload: `${m}' ${m}x='1`, proof: new RegExp(`${esc(m)}' ${m}x='1`) };
    case 'attr-unquoted':
      return { payload: `${m} ${m}x=1`, proof: new RegExp(`=${m} ${m}x=1`) };
    case 'script-dq':
      return { payload: `${m}";${m}x();//`, proof: new RegExp(`[^\\\\]";${m}x\\(\\);//`) };
    case 'script-sq':
      return { payload: `${m}';${m}x();//`, proof: new RegExp(`[^\\\\]';${m}x\\(\\);//`) };
    case 'script-tpl':
      return { payload: `${m}\${${m}x()}`, proof: new RegExp(`[^\\\\]\\$\\{${m}x\\(\\)\\}`) };
    case 'script-code':
      return { payload: `${m};${m}x();//`, proof: new RegExp(`${m};${m}x\\(\\);//`) };
  }
}
