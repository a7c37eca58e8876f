import { describe, expect, it } from 'vitest';
import { purlOf } from './purl.js';

describe('purlOf', () => {
  it('follows each purl type definition for names with namespaces', () => {
    expect(purlOf('npm', '@babel/core', '7.24.0')).toBe('pkg:npm/%40babel/core@7.24.0');
    expect(purlOf('npm', 'lodash', '4.17.15')).toBe('pkg:npm/lodash@4.17.15');
    expect(purlOf('Maven', 'org.apache.logging.log4j:log4j-core', '2.14.1')).toBe('pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1');
    expect(purlOf('Go', 'github.com/gin-gonic/gin', 'v1.6.0')).toBe('pkg:golang/github.com/gin-gonic/gin@v1.6.0');
    expect(purlOf('Packagist', 'symfony/http-kernel', 'v5.4.0')).toBe('pkg:composer/symfony/http-kernel@v5.4.0');
  });

  it('normalises PyPI names as the pypi purl type requires', () => {
    expect(purlOf('PyPI', 'Django_Rest', '3.2')).toBe('pkg:pypi/django-rest@3.2');
  });

  it('puts the distro release in a qualifier for OS packages', () => {
    expect(purlOf('Alpine:v3.19', 'openssl', '3.1.4-r0')).toBe('pkg:apk/alpine/openssl@3.1.4-r0?distro=v3.19');
    expect(purlOf('Debian:12', 'libc6', '2.36-9')).toBe('pkg:deb/debian/libc6@2.36-9?distro=12');
  });

  it('falls back to the generic type for ecosystems it does not know', () => {
    expect(purlOf('Hackage', 'aeson', '2.0')).toBe('pkg:generic/aeson@2.0');
  });
});
