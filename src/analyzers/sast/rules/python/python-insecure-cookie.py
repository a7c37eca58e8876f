from flask import Flask, make_response

app = Flask(__name__)
# ruleid: python-insecure-cookie
app.config["SESSION_COOKIE_SECURE"] = False

# ruleid: python-insecure-cookie
SESSION_COOKIE_SECURE = False
# ok: python-insecure-cookie
CSRF_COOKIE_SECURE = True


@app.route("/login")
def login():
    resp = make_response("ok")
    # ruleid: python-insecure-cookie
    resp.set_cookie("session", "abc", secure=False, httponly=True)
    # ruleid: python-insecure-cookie
    resp.set_cookie("remember", "1", secure=True, httponly=False)
    # ruleid: python-insecure-cookie
    resp.set_cookie("auth_token", "xyz")
    # ok: python-insecure-cookie
    resp.set_cookie("session", "abc", secure=True, httponly=True, samesite="Lax")
    # ok: python-insecure-cookie
    resp.set_cookie("theme", "dark")
    return resp


# Benchmark-shaped Flask cases: a cookie carrying request data, secure set or not.
from flask import request


def init(bench):
    @bench.route("/bench/securecookie-01", methods=["POST"])
    def securecookie_01():
        param = request.args.get("value", "")
        response = make_response("Created cookie")
        # ruleid: python-insecure-cookie
        response.set_cookie("SomeCookie", param, secure=False, httponly=True, path=request.path)
        return response

    @bench.route("/bench/securecookie-02", methods=["POST"])
    def securecookie_02():
        param = request.args.get("value", "")
        response = make_response("Created cookie")
        # ok: python-insecure-cookie
        response.set_cookie("SomeCookie", param, secure=True, httponly=True, path=request.path)
        return response

    @bench.route("/bench/securecookie-03", methods=["POST"])
    def securecookie_03():
        param = request.form.get("value", "")
        response = make_response("Created cookie")
        # ruleid: python-insecure-cookie
        response.set_cookie("rememberMe", param, httponly=True)
        return response

    @bench.route("/bench/securecookie-04", methods=["POST"])
    def securecookie_04():
        response = make_response("Created cookie")
        # ok: python-insecure-cookie
        response.set_cookie("SomeCookie", "v", secure=request.is_secure, httponly=True)
        return response
