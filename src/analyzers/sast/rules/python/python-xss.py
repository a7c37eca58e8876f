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


# Benchmark-shaped Flask cases: the response text is built in RESPONSE and returned.
def init(bench):
    @bench.route("/bench/xss-01", methods=["POST"])
    def xss_01():
        response_text = ""
        param = request.args.get("name")
        if not param:
            param = ""
        response_text += "Hello " + param
        # ruleid: python-xss
        return response_text

    @bench.route("/bench/xss-02", methods=["POST"])
    def xss_02():
        param = request.headers.get("Referer", "")
        bar = param
        # ruleid: python-xss
        resp = make_response(f"<p>{bar}</p>")
        resp.headers["X-XSS-Protection"] = "0"
        return resp

    @bench.route("/bench/xss-03", methods=["POST"])
    def xss_03():
        param = request.cookies.get("name", "")
        bar = html.escape(param)
        # ok: python-xss
        return "Hello " + bar

    @bench.route("/bench/xss-04", methods=["POST"])
    def xss_04():
        param = request.form.get("name", "")
        bar = escape(param)
        # ok: python-xss
        return make_response("Hello " + bar)

    @bench.route("/bench/xss-05", methods=["POST"])
    def xss_05():
        param = request.args.get("name", "")
        values = {"keyA": "a-Value", "keyB": param}
        bar = values["keyB"]
        # ruleid: python-xss
        return make_response("Hello " + bar)

    @bench.route("/bench/xss-06", methods=["POST"])
    def xss_06():
        param = request.args.get("name", "")
        values = {"keyA": "a-Value", "keyB": param}
        bar = values["keyA"]
        # ok: python-xss
        return make_response("Hello " + bar)

    @bench.route("/bench/xss-07", methods=["POST"])
    def xss_07():
        param = request.args.get("name", "")
        num = 106
        bar = "This_should_always_happen" if 7 * 18 + num > 200 else param
        # ok: python-xss
        return "Hello " + bar


def init_templates(bench):
    from flask import render_template_string

    @bench.route("/bench/xss-08", methods=["POST"])
    def xss_08():
        param = request.args.get("name", "")
        # ruleid: python-xss
        return render_template_string("<p>Hello {{ name|safe }}</p>", name=param)

    @bench.route("/bench/xss-09", methods=["POST"])
    def xss_09():
        param = request.args.get("name", "")
        # ok: python-xss
        return render_template_string("<p>Hello {{ name }}</p>", name=param)

    @bench.route("/bench/xss-10", methods=["POST"])
    def xss_10():
        param = request.args.get("name", "")
        # ruleid: python-xss
        return render_template_string("{% autoescape false %}<p>{{ name }}</p>{% endautoescape %}", name=param)
