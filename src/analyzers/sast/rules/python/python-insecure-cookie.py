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
