import hashlib
import hmac

from Crypto.Hash import MD5


def password_digest(password):
    # ruleid: python-weak-hash
    return hashlib.md5(password.encode()).hexdigest()


def etag(body):
    # ruleid: python-weak-hash
    return hashlib.sha1(body).hexdigest()


def by_name(data):
    # ruleid: python-weak-hash
    return hashlib.new("md5", data).hexdigest()


def legacy_signature(key, data):
    # ruleid: python-weak-hash
    return hmac.new(key, data, hashlib.sha1).hexdigest()


def pycryptodome(data):
    # ruleid: python-weak-hash
    return MD5.new(data).hexdigest()


def cache_key(data):
    # ok: python-weak-hash
    return hashlib.md5(data, usedforsecurity=False).hexdigest()


def fingerprint(data):
    # ok: python-weak-hash
    return hashlib.sha256(data).hexdigest()


def sign(key, data):
    # ok: python-weak-hash
    return hmac.new(key, data, hashlib.sha256).hexdigest()
