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


# Benchmark-shaped Flask cases.
import xml.etree.ElementTree as ET


def init(bench):
    @bench.route("/bench/xpathi-01", methods=["POST"])
    def xpathi_01():
        param = request.args.get("id", "")
        root = etree.parse("/srv/app/employees.xml")
        query = f"/Employees/Employee[@emplid='{param}']"
        # ruleid: python-xpath-injection
        nodes = root.xpath(query)
        return str(len(nodes))

    @bench.route("/bench/xpathi-02", methods=["POST"])
    def xpathi_02():
        param = request.form.get("id", "")
        # ruleid: python-xpath-injection
        find = etree.XPath("/Employees/Employee[@emplid='" + param + "']")
        return str(find)

    @bench.route("/bench/xpathi-03", methods=["POST"])
    def xpathi_03():
        param = request.cookies.get("id", "")
        root = ET.parse("/srv/app/employees.xml").getroot()
        # ruleid: python-xpath-injection
        nodes = root.findall(f"./Employee[@emplid='{param}']")
        return str(len(nodes))

    @bench.route("/bench/xpathi-04", methods=["POST"])
    def xpathi_04():
        param = request.args.get("id", "")
        emplid = int(param)
        root = etree.parse("/srv/app/employees.xml")
        # ok: python-xpath-injection
        nodes = root.xpath(f"/Employees/Employee[@emplid='{emplid}']")
        return str(len(nodes))

    @bench.route("/bench/xpathi-05", methods=["POST"])
    def xpathi_05():
        param = request.args.get("id", "")
        root = etree.parse("/srv/app/employees.xml")
        # ok: python-xpath-injection
        nodes = root.xpath("/Employees/Employee[@emplid=$id]", id=param)
        return str(len(nodes))
