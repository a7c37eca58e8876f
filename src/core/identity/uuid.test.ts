import { describe, expect, it } from 'vitest';
import { findingUuidName, identifierFingerprint, imageNameWithoutTag, locationFingerprint, sha1Hex } from './fingerprint.js';
import { UUID_NAMESPACES, uuidV5 } from './uuid.js';

describe('core/identity', () => {
  it('reproduces GitLab namespace vectors for the name "GitLab"', () => {
    expect(uuidV5('GitLab', UUID_NAMESPACES.production)).toBe('4961388b-9d8e-5da0-a499-3ef5da58daf0');
    expect(uuidV5('GitLab', UUID_NAMESPACES.staging)).toBe('dd190b37-7754-5c7c-80a0-85621a5823ad');
    expect(uuidV5('GitLab', UUID_NAMESPACES.test)).toBe('5b593e54-90f5-504b-8805-5394a4d14b94');
  });

  it('computes the worked example of gitlab-secure-spec §2.2', () => {
    const idFp = identifierFingerprint({ type: 'semgrep_id', name: 'B303', value: 'bandit.B303-1' });
    expect(idFp).toBe('cb9eb36f8ba1bb8c1a428934583a60d4e4f69e79');
    const locFp = locationFingerprint({ kind: 'source', file: 'app/main.py', startLine: 10, endLine: 12 });
    expect(locFp).toBe('e9d0ad7c3bff25043e7af6e991b2d93fcda39240');
    const name = findingUuidName('sast', idFp, locFp, 42);
    expect(name).toBe(
      'sast-cb9eb36f8ba1bb8c1a428934583a60d4e4f69e79-e9d0ad7c3bff25043e7af6e991b2d93fcda39240-42',
    );
    expect(uuidV5(name)).toBe('896f4703-4ba8-5082-bfb5-b52bdd985576');
  });

  it('fingerprints dependency locations without the version', () => {
    const a = locationFingerprint({ kind: 'dependency', file: 'package-lock.json', packageName: 'lodash', version: '4.17.20' });
    const b = locationFingerprint({ kind: 'dependency', file: 'package-lock.json', packageName: 'lodash', version: '4.17.21' });
    expect(a).toBe(b);
    expect(a).toBe(sha1Hex('package-lock.json:lodash'));
  });

  it('drops image tags unless they are semantic versions', () => {
    expect(imageNameWithoutTag('registry.example.com:5000/app:latest')).toBe('registry.example.com:5000/app');
    expect(imageNameWithoutTag('alpine:3.19.1')).toBe('alpine:3.19.1');
    expect(imageNameWithoutTag('app:3f2a9bc')).toBe('app');
    expect(imageNameWithoutTag('registry.example.com:5000/app')).toBe('registry.example.com:5000/app');
  });
});
