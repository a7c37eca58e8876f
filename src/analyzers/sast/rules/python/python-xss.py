import html

from django.http import HttpResponse
from django.utils.safestring import mark_safe
from flask import Flask, jsonify, make_response, render_template, request
from markupsafe import Markup, escape

app = Flask(__name__)


def greeting(name):
    return "<h1>Hello " + name + "</h1>"


@app.route("/hello")
def hello():
    # ruleid: python-xss
    return "<p>Hello " + request.args.get("name", "") + "</p>"


@app.route("/helper")
def helper():
    # ruleid: python-xss
    return make_response(greeting(request.args["name"]))


@app.route("/fstring")
def fstring():
    q = request.args.get("q")
    body = f"<div>Results for {q}</div>"
    # ruleid: python-xss
    return body


@app.route("/markup")
def markup():
    items = []
    items.append("<li>%s</li>" % request.args["item"])
    # ruleid: python-xss
    return render_template("list.html", items=Markup("".join(items)))


def django_view(request):
    name = request.GET.get("name", "")
    # ruleid: python-xss
    return HttpResponse("<p>Hello %s</p>" % name)


def django_safe_string(request):
    # ruleid: python-xss
    banner = mark_safe("<b>{}</b>".format(request.GET["banner"]))
    # ok: python-xss
    return HttpResponse(escape(banner))


@app.route("/safe")
def safe():
    name = request.args.get("name", "")
    if name == "json":
        # ok: python-xss
        return jsonify(name=name)
    if name == "tpl":
        # ok: python-xss
        return render_template("hello.html", name=name)
    # ok: python-xss
    return "<p>Hello " + html.escape(name) + "</p>"


@app.route("/safe2")
def safe2():
    page = int(request.args.get("page", "1"))
    # ok: python-xss
    return "<p>Page %d</p>" % page


@app.route("/safe3")
def safe3():
    # ok: python-xss
    return make_response("<p>Hello " + escape(request.args["name"]) + "</p>")


@app.route("/api/echo")
def api_echo():
    # ok: python-xss
    return {"echo": request.args.get("q")}
