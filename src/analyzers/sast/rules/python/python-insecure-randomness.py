import random
import secrets
import string


def generate_token():
    # ruleid: python-insecure-randomness
    return "%032x" % random.getrandbits(128)


def make_reset_password(length=12):
    alphabet = string.ascii_letters + string.digits
    # ruleid: python-insecure-randomness
    return "".join(random.choice(alphabet) for _ in range(length))


# ruleid: python-insecure-randomness
API_TOKEN = str(random.randint(10**9, 10**10))


def shuffle(items):
    # ok: python-insecure-randomness
    random.shuffle(items)
    return items


def jitter_seconds():
    # ok: python-insecure-randomness
    return random.uniform(0.1, 0.5)


def secure_token():
    # ok: python-insecure-randomness
    return secrets.token_urlsafe(32)
