import { ASSIGN } from '../fragments.js';
import { defineSecretRule, type SecretRule } from '../rule.js';

const DOCS = 'https://pusher.com/glossary/';

export const pusherRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'pusher-app-secret',
    title: 'Pusher Channels app secret',
    description:
      'A Pusher Channels app secret signs server API requests and channel authorisations: whoever has it can publish events to every channel of the app and let any client into private and presence channels. Rotate the app keys in the Pusher dashboard (App Keys) and read the secret from a secret store.',
    keywords: ['pusher'],
    // `PUSHER_APP_SECRET=…`, `Pusher(app_id=…, key=…, secret='…')`, or the second argument of `new Pusher('key', 'secret', …)`.
    pattern: new RegExp(
      String.raw`(?:pusher[^\n]{0,80}?secret\w{0,10}${ASSIGN}(?:u['"])?|pusher\(\s{0,3}['"][0-9a-f]{20}['"]\s{0,3},\s{0,3}['"])(?<secret>[0-9a-f]{20})(?![\w-])`,
      'i',
    ),
    maxLength: 160,
    minEntropy: 2.8,
    references: [DOCS],
  }),
  defineSecretRule({
    id: 'pusher-url',
    title: 'Pusher Channels URL with app secret',
    description:
      'A PUSHER_URL (http://key:secret@api-<cluster>.pusher.com/apps/<id>) carries the app secret, which signs server API calls and channel authorisations for the app. Rotate the app keys in the Pusher dashboard and supply the URL from the environment or a secret store.',
    keywords: ['pusher.com', 'pusherapp.com'],
    pattern: /(?<![\w.+-])https?:\/\/[0-9a-f]{20}:(?<secret>[0-9a-f]{20})@api(?:-[a-z0-9]{2,12})?\.pusher(?:app)?\.com(?![\w-])/,
    maxLength: 90,
    minEntropy: 2.8,
    references: [DOCS],
  }),
];
