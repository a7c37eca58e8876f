import ssl
import urllib.request

import httpx
import requests


def fetch_internal(url):
    # ruleid: python-tls-verification-disabled
    return requests.get(url, verify=False, timeout=5).text


def post_internal(url, body):
    session = requests.Session()
    # ruleid: python-tls-verification-disabled
    session.verify = False
    return session.post(url, json=body).json()


def with_httpx(url):
    # ruleid: python-tls-verification-disabled
    return httpx.get(url, verify=False)


def open_unverified(url):
    # ruleid: python-tls-verification-disabled
    ctx = ssl._create_unverified_context()
    return urllib.request.urlopen(url, context=ctx).read()


def manual_context(url):
    ctx = ssl.create_default_context()
    # ruleid: python-tls-verification-disabled
    ctx.check_hostname = False
    # ruleid: python-tls-verification-disabled
    ctx.verify_mode = ssl.CERT_NONE
    return urllib.request.urlopen(url, context=ctx).read()


def verified(url):
    # ok: python-tls-verification-disabled
    a = requests.get(url, timeout=5)
    # ok: python-tls-verification-disabled
    b = requests.get(url, verify="/etc/ssl/internal-ca.pem")
    # ok: python-tls-verification-disabled
    ctx = ssl.create_default_context(cafile="/etc/ssl/internal-ca.pem")
    return a, b, ctx
