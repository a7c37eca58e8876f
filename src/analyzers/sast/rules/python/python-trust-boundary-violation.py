import time

from flask import Flask, request, session

app = Flask(__name__)
app.secret_key = b"placeholder"


def normalize(role):
    return role.strip().lower()


@app.route("/login", methods=["POST"])
def login():
    # ruleid: python-trust-boundary-violation
    session["role"] = request.form["role"]
    # ruleid: python-trust-boundary-violation
    session["user"] = {"name": request.form["user"], "admin": False}
    return "ok"


@app.route("/prefs")
def prefs():
    # ruleid: python-trust-boundary-violation
    session["lang"] = normalize(request.args.get("lang", "en"))
    return "ok"


def django_view(request):
    # ruleid: python-trust-boundary-violation
    request.session["cart_owner"] = request.POST.get("owner")
    return None


def django_counter(request):
    # ok: python-trust-boundary-violation
    request.session["visits"] = request.session.get("visits", 0) + 1
    return None


@app.route("/safe")
def safe():
    # ok: python-trust-boundary-violation
    session["page"] = int(request.args.get("page", "1"))
    # ok: python-trust-boundary-violation
    session["logged_in_at"] = time.time()
    return "ok"


# Benchmark-shaped Flask cases.
def init(bench):
    @bench.route("/bench/trustbound-01", methods=["POST"])
    def trustbound_01():
        param = request.args.get("attr", "")
        # ruleid: python-trust-boundary-violation
        session[param] = "10340"
        return "saved"

    @bench.route("/bench/trustbound-02", methods=["POST"])
    def trustbound_02():
        param = request.headers.get("attr", "")
        bar = param + "_SafeStuff"
        # ruleid: python-trust-boundary-violation
        session["userid"] = bar
        return "saved"

    @bench.route("/bench/trustbound-03", methods=["POST"])
    def trustbound_03():
        param = request.cookies.get("attr", "")
        bar = "safe!"
        if not param:
            bar = "none"
        # ok: python-trust-boundary-violation
        session[bar] = "10340"
        return "saved"

    @bench.route("/bench/trustbound-04", methods=["POST"])
    def trustbound_04():
        param = request.form.get("attr", "")
        lst = ["safe", param, "moresafe"]
        lst.pop(0)
        bar = lst[1]
        # ok: python-trust-boundary-violation
        session["userid"] = bar
        return "saved"

    @bench.route("/bench/trustbound-05", methods=["POST"])
    def trustbound_05():
        page = int(request.args.get("page", "1"))
        # ok: python-trust-boundary-violation
        session["page"] = page
        return "saved"
