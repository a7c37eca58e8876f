import os

from Crypto.Cipher import AES, ARC4, DES
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM


def legacy_encrypt(key, data):
    # ruleid: python-weak-cipher
    cipher = DES.new(key, DES.MODE_CBC)
    return cipher.encrypt(data)


def stream_encrypt(key, data):
    # ruleid: python-weak-cipher
    return ARC4.new(key).encrypt(data)


def ecb_encrypt(key, data):
    # ruleid: python-weak-cipher
    cipher = AES.new(key, AES.MODE_ECB)
    return cipher.encrypt(data)


def hazmat_ecb(key, data):
    # ruleid: python-weak-cipher
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def hazmat_3des(key, iv, data):
    # ruleid: python-weak-cipher
    encryptor = Cipher(algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def modern_encrypt(key, data):
    nonce = os.urandom(12)
    # ok: python-weak-cipher
    return nonce + AESGCM(key).encrypt(nonce, data, None)


def gcm_mode(key, data):
    # ok: python-weak-cipher
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)


# Benchmark-shaped Flask cases.
from Cryptodome.Cipher import ARC2, DES3
from cryptography.hazmat.decrepit.ciphers import algorithms as decrepit_algorithms
from flask import request


def init(bench):
    @bench.route("/bench/crypto-01", methods=["POST"])
    def crypto_01():
        param = request.args.get("data", "")
        key = os.urandom(24)
        # ruleid: python-weak-cipher
        cipher = DES3.new(key, DES3.MODE_CBC)
        return cipher.encrypt(param.encode("utf-8").ljust(16, b"\0"))

    @bench.route("/bench/crypto-02", methods=["POST"])
    def crypto_02():
        param = request.args.get("data", "")
        key = os.urandom(16)
        # ruleid: python-weak-cipher
        cipher = ARC2.new(key, ARC2.MODE_CBC)
        return cipher.encrypt(param.encode("utf-8").ljust(16, b"\0"))

    @bench.route("/bench/crypto-03", methods=["POST"])
    def crypto_03():
        param = request.args.get("data", "")
        key = os.urandom(24)
        iv = os.urandom(8)
        # ruleid: python-weak-cipher
        encryptor = Cipher(decrepit_algorithms.TripleDES(key), modes.CBC(iv)).encryptor()
        return encryptor.update(param.encode("utf-8").ljust(16, b"\0")) + encryptor.finalize()

    @bench.route("/bench/crypto-04", methods=["POST"])
    def crypto_04():
        param = request.args.get("data", "")
        key = os.urandom(32)
        iv = os.urandom(16)
        # ok: python-weak-cipher
        encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        return encryptor.update(param.encode("utf-8").ljust(16, b"\0")) + encryptor.finalize()

    @bench.route("/bench/crypto-05", methods=["POST"])
    def crypto_05():
        param = request.args.get("data", "")
        key = AESGCM.generate_key(bit_length=256)
        nonce = os.urandom(12)
        # ok: python-weak-cipher
        return AESGCM(key).encrypt(nonce, param.encode("utf-8"), None)
