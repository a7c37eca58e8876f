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
