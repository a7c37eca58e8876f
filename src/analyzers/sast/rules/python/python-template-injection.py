from flask import Flask, render_template, render_template_string, request
from jinja2 import Environment, Template

app = Flask(__name__)
env = Environment(autoescape=True)


def page(title):
    return "<h1>" + title + "</h1><p>{{ user }}</p>"


@app.route("/hello")
def hello():
    # ruleid: python-template-injection
    return render_template_string("<p>Hello " + request.args.get("name", "") + "</p>")


@app.route("/helper")
def helper():
    # ruleid: python-template-injection
    return Template(page(request.args["title"])).render(user="x")


@app.route("/fstring")
def fstring():
    name = request.args.get("name")
    source = f"Hello {name}!"
    # ruleid: python-template-injection
    return env.from_string(source).render()


@app.route("/safe")
def safe():
    name = request.args.get("name", "")
    if name == "a":
        # ok: python-template-injection
        return render_template_string("<p>Hello {{ name }}</p>", name=name)
    if name == "b":
        # ok: python-template-injection
        return env.from_string("Hello {{ name }}").render(name=name)
    # ok: python-template-injection
    return render_template("hello.html", name=name)
