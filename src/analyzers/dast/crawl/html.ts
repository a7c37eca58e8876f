import { Parser } from 'htmlparser2';

export interface FormField {
  readonly name: string;
  /** input type (`text`, `hidden`, `password`…), or `select` / `textarea`. */
  readonly type: string;
  readonly value: string;
}

export interface HtmlForm {
  /** Absolute URL the form submits to. */
  readonly action: string;
  readonly method: 'GET' | 'POST';
  readonly enctype: string;
  readonly fields: readonly FormField[];
}

export interface HtmlFacts {
  readonly links: readonly string[];
  readonly forms: readonly HtmlForm[];
  /** `src` of scripts, images and styles the page loads (mixed content, resources). */
  readonly resources: readonly string[];
}

// A page with more links than this is a link farm; the rest are not followed.
const MAX_LINKS_PER_PAGE = 2000;
const MAX_FORMS_PER_PAGE = 50;
const MAX_FIELDS_PER_FORM = 100;

function resolve(href: string | undefined, base: string): string | undefined {
  if (href === undefined) return undefined;
  const trimmed = href.trim();
  if (trimmed === '' || /^(javascript|mailto|tel|data):/i.test(trimmed)) return undefined;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** Links, forms and loaded resources of an HTML page, as absolute URLs. */
export function extractHtml(html: string, pageUrl: string): HtmlFacts {
  let base = pageUrl;
  const links: string[] = [];
  const resources: string[] = [];
  const forms: HtmlForm[] = [];
  let form: { action: string; method: 'GET' | 'POST'; enctype: string; fields: FormField[] } | undefined;
  let select: { name: string; value: string | undefined } | undefined;
  let textarea: { name: string; text: string } | undefined;

  const addLink = (href: string | undefined): void => {
    const url = resolve(href, base);
    if (url !== undefined && links.length < MAX_LINKS_PER_PAGE) links.push(url);
  };
  const addField = (field: FormField): void => {
    if (form && form.fields.length < MAX_FIELDS_PER_FORM && field.name !== '') form.fields.push(field);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        switch (name) {
          case 'base':
            base = resolve(attrs['href'], pageUrl) ?? base;
            break;
          case 'a':
          case 'area':
          case 'link':
            if (name === 'link' && !/\b(alternate|next|prev|canonical)\b/i.test(attrs['rel'] ?? '')) {
              const url = resolve(attrs['href'], base);
              if (url !== undefined) resources.push(url);
            } else addLink(attrs['href']);
            break;
          case 'iframe':
          case 'frame':
            addLink(attrs['src']);
            break;
          case 'script':
          case 'img':
          case 'audio':
          case 'video':
          case 'source':
          case 'embed': {
            const url = resolve(attrs['src'], base);
            if (url !== undefined) resources.push(url);
            break;
          }
          case 'meta':
            if ((attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
              const target = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs['content'] ?? '')?.[1];
              addLink(target);
            }
            break;
          case 'form':
            form = {
              action: resolve(attrs['action'] ?? '', base) ?? resolve(pageUrl, pageUrl) ?? pageUrl,
              method: (attrs['method'] ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET',
              enctype: (attrs['enctype'] ?? 'application/x-www-form-urlencoded').toLowerCase(),
              fields: [],
            };
            break;
          case 'input': {
            const type = (attrs['type'] ?? 'text').toLowerCase();
            if (type === 'submit' || type === 'button' || type === 'image' || type === 'reset' || type === 'file') break;
            if ((type === 'checkbox' || type === 'radio') && attrs['checked'] === undefined && form?.fields.some((f) => f.name === attrs['name'])) break;
            addField({ name: attrs['name'] ?? '', type, value: attrs['value'] ?? '' });
            break;
          }
          case 'select':
            select = { name: attrs['name'] ?? '', value: undefined };
            break;
          case 'option':
            if (select && (select.value === undefined || attrs['selected'] !== undefined)) select.value = attrs['value'] ?? '';
            break;
          case 'textarea':
            textarea = { name: attrs['name'] ?? '', text: '' };
            break;
          default:
            break;
        }
      },
      ontext(text) {
        if (textarea) textarea.text += text;
      },
      onclosetag(name) {
        if (name === 'select' && select) {
          addField({ name: select.name, type: 'select', value: select.value ?? '' });
          select = undefined;
        } else if (name === 'textarea' && textarea) {
          addField({ name: textarea.name, type: 'textarea', value: textarea.text });
          textarea = undefined;
        } else if (name === 'form' && form) {
          if (forms.length < MAX_FORMS_PER_PAGE) forms.push(form);
          form = undefined;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (form && forms.length < MAX_FORMS_PER_PAGE) forms.push(form);
  return { links, forms, resources };
}
