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


# Benchmark-shaped Flask cases: a "remember me" value made in the handler and stored in a cookie
# and the session.
from flask import make_response, request, session


def init(bench):
    @bench.route("/bench/weakrand-01", methods=["POST"])
    def weakrand_01():
        # ruleid: python-insecure-randomness
        value = random.random()
        remember_me_key = str(value)[2:]
        cookie_name = "rememberMe"
        found_user = False
        if request.cookies.get(cookie_name) == session.get(cookie_name):
            found_user = True
        response = make_response("Welcome back" if found_user else "Welcome")
        if not found_user:
            session[cookie_name] = remember_me_key
            response.set_cookie(cookie_name, remember_me_key, secure=True, httponly=True)
        return response

    @bench.route("/bench/weakrand-02", methods=["POST"])
    def weakrand_02():
        # ruleid: python-insecure-randomness
        number = random.randint(0, 2**32)
        remember_me_key = str(number)
        response = make_response("Welcome")
        response.set_cookie("rememberMe", remember_me_key, secure=True, httponly=True)
        return response

    @bench.route("/bench/weakrand-03", methods=["POST"])
    def weakrand_03():
        # ruleid: python-insecure-randomness
        bits = random.getrandbits(64)
        session["rememberMe"] = "%x" % bits
        return "Welcome"

    @bench.route("/bench/weakrand-04", methods=["POST"])
    def weakrand_04():
        # ok: python-insecure-randomness
        remember_me_key = secrets.token_hex(16)
        response = make_response("Welcome")
        session["rememberMe"] = remember_me_key
        response.set_cookie("rememberMe", remember_me_key, secure=True, httponly=True)
        return response

    @bench.route("/bench/weakrand-05", methods=["POST"])
    def weakrand_05():
        # ok: python-insecure-randomness
        value = random.SystemRandom().random()
        session["rememberMe"] = str(value)[2:]
        return "Welcome"

    @bench.route("/bench/weakrand-06", methods=["POST"])
    def weakrand_06():
        # ok: python-insecure-randomness
        tip = random.randint(1, 10)
        return f"Tip of the day #{tip}"
