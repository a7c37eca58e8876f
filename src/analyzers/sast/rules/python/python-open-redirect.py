from urllib.parse import quote

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
TARGETS = {"home": "/", "docs": "/docs"}


def after_login(next_url):
    return next_url or "/dashboard"


@app.route("/login/done")
def login_done():
    # ruleid: python-open-redirect
    return redirect(request.args.get("next"))


@app.route("/helper")
def helper():
    # ruleid: python-open-redirect
    return redirect(after_login(request.args.get("return_to")), code=302)


@app.route("/fstring")
def fstring():
    host = request.args["host"]
    # ruleid: python-open-redirect
    return redirect(f"https://{host}/welcome")


def django_view(request):
    target = {"url": request.GET.get("url")}
    # ruleid: python-open-redirect
    return HttpResponseRedirect(target["url"])


@app.route("/safe")
def safe():
    kind = request.args.get("kind")
    if kind == "a":
        # ok: python-open-redirect
        return redirect(TARGETS.get(request.args["to"], "/"))
    if kind == "b":
        # ok: python-open-redirect
        return redirect(url_for("search", q=request.args["q"]))
    if kind == "c":
        # ok: python-open-redirect
        return redirect("/search?q=" + quote(request.args["q"]))
    # ok: python-open-redirect
    return redirect("/home")


def django_checked(request):
    next_url = request.GET.get("next", "/")
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={"example.com"}):
        # ok: python-open-redirect
        return HttpResponseRedirect(next_url)
    return HttpResponseRedirect("/")


# Benchmark-shaped Flask cases.
def init(bench):
    import flask

    @bench.route("/bench/redirect-01", methods=["POST"])
    def redirect_01():
        param = request.args.get("next", "")
        bar = param
        # ruleid: python-open-redirect
        return redirect(bar)

    @bench.route("/bench/redirect-02", methods=["POST"])
    def redirect_02():
        param = request.headers.get("next", "")
        # ruleid: python-open-redirect
        return flask.redirect(param, code=302)

    @bench.route("/bench/redirect-03", methods=["POST"])
    def redirect_03():
        param = request.args.get("next", "")
        response = flask.make_response("", 302)
        # ruleid: python-open-redirect
        response.headers["Location"] = param
        return response

    @bench.route("/bench/redirect-04", methods=["POST"])
    def redirect_04():
        param = request.args.get("next", "")
        response = flask.make_response("moved " + str(len(param)), 302)
        # ok: python-open-redirect
        response.headers["Location"] = "/home"
        return response

    @bench.route("/bench/redirect-05", methods=["POST"])
    def redirect_05():
        param = request.args.get("next", "")
        # ok: python-open-redirect
        return redirect(url_for("index", next=param))
