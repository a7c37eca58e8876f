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
