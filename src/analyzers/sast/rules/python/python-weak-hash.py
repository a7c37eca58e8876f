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


# Benchmark-shaped Flask cases.
import configparser

from flask import request


def init(bench):
    @bench.route("/bench/hash-01", methods=["POST"])
    def hash_01():
        param = request.args.get("data", "")
        # ruleid: python-weak-hash
        digest = hashlib.md5()
        digest.update(param.encode("utf-8"))
        return digest.hexdigest()

    @bench.route("/bench/hash-02", methods=["POST"])
    def hash_02():
        param = request.args.get("data", "")
        # ruleid: python-weak-hash
        digest = hashlib.new("sha1")
        digest.update(param.encode("utf-8"))
        return digest.hexdigest()

    @bench.route("/bench/hash-03", methods=["POST"])
    def hash_03():
        config = configparser.ConfigParser()
        config.read("bench.ini")
        # ruleid: python-weak-hash
        algorithm = config.get("crypto", "hashAlg1", fallback="md5")
        digest = hashlib.new(algorithm)
        digest.update(b"input")
        return digest.hexdigest()

    @bench.route("/bench/hash-04", methods=["POST"])
    def hash_04():
        config = configparser.ConfigParser()
        config.read("bench.ini")
        # ok: python-weak-hash
        algorithm = config.get("crypto", "hashAlg2", fallback="sha256")
        digest = hashlib.new(algorithm)
        digest.update(b"input")
        return digest.hexdigest()

    @bench.route("/bench/hash-05", methods=["POST"])
    def hash_05():
        param = request.args.get("data", "")
        # ok: python-weak-hash
        digest = hashlib.sha256()
        digest.update(param.encode("utf-8"))
        return digest.hexdigest()

    @bench.route("/bench/hash-06", methods=["POST"])
    def hash_06():
        # ok: python-weak-hash
        digest = hashlib.new("sha512")
        digest.update(b"input")
        return digest.hexdigest()
