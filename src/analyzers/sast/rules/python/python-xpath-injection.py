from flask import Flask, request
from lxml import etree

app = Flask(__name__)
tree = etree.parse("users.xml")


def by_name(name):
    return "//user[@name='" + name + "']"


@app.route("/user")
def user():
    # ruleid: python-xpath-injection
    nodes = tree.xpath("//user[@name='" + request.args["name"] + "']/@role")
    return str(nodes)


@app.route("/fstring")
def fstring():
    role = request.args.get("role")
    # ruleid: python-xpath-injection
    nodes = tree.getroot().findall(f".//user[@role='{role}']")
    return str(len(nodes))


@app.route("/helper")
def helper():
    expr = by_name(request.args.get("name"))
    # ruleid: python-xpath-injection
    find = etree.XPath(expr)
    return str(find(tree))


@app.route("/safe")
def safe():
    # ok: python-xpath-injection
    a = tree.xpath("//user[@name=$name]", name=request.args["name"])
    # ok: python-xpath-injection
    b = tree.xpath("//user/@name")
    # ok: python-xpath-injection
    c = tree.xpath("//user[position()=%d]" % int(request.args["pos"]))
    return str((a, b, c))


@app.route("/text")
def text_search():
    # ok: python-xpath-injection
    return str("alice,bob".find(request.args["q"]))
