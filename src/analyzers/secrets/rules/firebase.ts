import { defineSecretRule, type SecretRule } from '../rule.js';

export const firebaseRules: readonly SecretRule[] = [
  defineSecretRule({
    id: 'firebase-cloud-messaging-server-key',
    title: 'Firebase Cloud Messaging server key',
    description:
      'A legacy Firebase Cloud Messaging server key lets anyone send push notifications to every user of the app; delete it in the Firebase console and move to short-lived OAuth credentials.',
    keywords: [':apa91b'],
    pattern: /(?<![\w-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![\w-])/,
    maxLength: 160,
    minEntropy: 4,
    references: ['https://firebase.google.com/docs/cloud-messaging/auth-server'],
  }),
];
