import { err, ok, type Problem, type Result } from '../../../core/result.js';
import { fillField } from '../crawl/form-values.js';
import { extractHtml, type HtmlForm } from '../crawl/html.js';
import type { HttpClient } from '../http/client.js';
import { isHtml } from '../http/types.js';

export interface FormLoginOptions {
  /** The page with the login form. */
  readonly url: string;
  readonly username: string;
  readonly password: string;
  /** Field names; detected from the form when absent. */
  readonly usernameField?: string;
  readonly passwordField?: string;
  /** Regular expression a logged-in page matches (`Log out`, `Welcome`). */
  readonly verifyPattern?: string;
  /** Page fetched to test the session (default: the scan's start URL). */
  readonly verifyUrl: string;
}

function chooseForm(forms: readonly HtmlForm[], options: FormLoginOptions): HtmlForm | undefined {
  if (options.passwordField !== undefined) return forms.find((f) => f.fields.some((field) => field.name === options.passwordField));
  return forms.find((f) => f.fields.some((field) => field.type === 'password'));
}

function usernameFieldOf(form: HtmlForm, options: FormLoginOptions): string | undefined {
  if (options.usernameField !== undefined) return options.usernameField;
  const candidates = form.fields.filter((f) => f.type === 'text' || f.type === 'email');
  return (candidates.find((f) => /user|login|email|name|account/i.test(f.name)) ?? candidates[0])?.name;
}

/** Logs in through the site's own form, so the session cookie lands in the client's jar. */
export class FormLogin {
  private readonly verify: RegExp | undefined;
  logins = 0;
  /** The login form's fields with the credentials, once known: the crawler fills the form the same way. */
  credentials: Record<string, string> = {};

  constructor(
    private readonly client: HttpClient,
    private readonly options: FormLoginOptions,
  ) {
    this.verify = options.verifyPattern === undefined ? undefined : new RegExp(options.verifyPattern, 'i');
  }

  async login(): Promise<Result<void, Problem>> {
    const fail = (message: string): Result<void, Problem> => err({ code: 'auth-failed', message: `login at ${this.options.url} failed: ${message}`, level: 'error' });
    const page = await this.client.follow({ method: 'GET', url: this.options.url });
    if (!page.ok) return fail(page.error.message);
    const last = page.value[page.value.length - 1];
    if (!last || !isHtml(last.response)) return fail('the page is not HTML');
    const form = chooseForm(extractHtml(last.response.body, last.request.url).forms, this.options);
    if (!form) return fail('no form with a password field on the page (give --auth-password-field)');
    const userField = usernameFieldOf(form, this.options);
    const passField = this.options.passwordField ?? form.fields.find((f) => f.type === 'password')?.name;
    if (userField === undefined || passField === undefined) return fail('cannot tell the username and password fields apart (give --auth-username-field)');
    const fields = form.fields.map((field) => {
      const value = field.name === userField ? this.options.username : field.name === passField ? this.options.password : fillField(field, {});
      return `${encodeURIComponent(field.name)}=${encodeURIComponent(value)}`;
    });
    if (!form.fields.some((f) => f.name === userField)) fields.push(`${encodeURIComponent(userField)}=${encodeURIComponent(this.options.username)}`);
    const body = fields.join('&');
    this.credentials = { [userField]: this.options.username, [passField]: this.options.password };
    const submitted =
      form.method === 'GET'
        ? await this.client.follow({ method: 'GET', url: `${form.action}${form.action.includes('?') ? '&' : '?'}${body}` })
        : await this.client.follow({ method: 'POST', url: form.action, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    if (!submitted.ok) return fail(submitted.error.message);
    this.logins++;
    if (!(await this.isLoggedIn())) return fail('the logged-in indicator was not found after submitting the form (check the credentials and --auth-verify)');
    return ok(undefined);
  }

  /** The session is alive: the verify page matches the indicator (or, without one, shows no login form). */
  async isLoggedIn(): Promise<boolean> {
    const page = await this.client.follow({ method: 'GET', url: this.options.verifyUrl });
    if (!page.ok) return false;
    const last = page.value[page.value.length - 1];
    if (!last || last.response.status >= 400) return false;
    if (this.verify) return this.verify.test(last.response.body);
    return !isHtml(last.response) || chooseForm(extractHtml(last.response.body, last.request.url).forms, this.options) === undefined;
  }

  private renewal: Promise<boolean> | undefined;

  /** Log in again when the session was lost; true when a session is (again) alive. */
  async ensure(): Promise<boolean> {
    if (await this.isLoggedIn()) return true;
    return this.renew();
  }

  /** One login at a time, however many workers noticed the lost session together. */
  renew(): Promise<boolean> {
    this.renewal ??= this.login().then(
      (result) => {
        this.renewal = undefined;
        return result.ok;
      },
      () => {
        this.renewal = undefined;
        return false;
      },
    );
    return this.renewal;
  }

  /** The site sent us to its login page: the session is gone (the indicator of a dropped session mid-crawl). */
  wasSentToLogin(hops: readonly { readonly request: { readonly url: string }; readonly response: { readonly headers: readonly (readonly [string, string])[] } }[]): boolean {
    const loginPath = new URL(this.options.url).pathname;
    const first = hops[0];
    if (!first || new URL(first.request.url).pathname === loginPath) return false;
    return hops.some((hop) => {
      const location = hop.response.headers.find(([k]) => k === 'location')?.[1];
      if (location === undefined) return false;
      try {
        return new URL(location, hop.request.url).pathname === loginPath;
      } catch {
        return false;
      }
    });
  }
}
