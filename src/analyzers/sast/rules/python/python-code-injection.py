import ast
import json

from flask import Flask, request

app = Flask(__name__)


def wrap(expr):
    return "result = (" + expr + ")"


@app.route("/calc")
def calc():
    # ruleid: python-code-injection
    return str(eval(request.args["expr"]))


@app.route("/exec", methods=["POST"])
def run():
    scope = {}
    # ruleid: python-code-injection
    exec(wrap(request.form["code"]), scope)
    return str(scope.get("result"))


@app.route("/fstring")
def fstring():
    name = request.args.get("name")
    # ruleid: python-code-injection
    value = eval(f"greet('{name}')", {"greet": str.upper})
    return value


@app.route("/plugin")
def plugin():
    mods = [request.args.get("module")]
    # ruleid: python-code-injection
    module = __import__(mods[0])
    return module.__name__


@app.route("/safe")
def safe():
    # ok: python-code-injection
    data = ast.literal_eval(request.args["data"])
    # ok: python-code-injection
    obj = json.loads(request.args["json"])
    # ok: python-code-injection
    total = eval("1 + 2")
    n = int(request.args.get("n", "1"))
    # ok: python-code-injection
    double = eval("2 * %d" % n)
    return str((data, obj, total, double))


# Benchmark-shaped Flask cases.
def init(bench):
    @bench.route("/bench/codeinj-01", methods=["POST"])
    def codeinj_01():
        param = request.args.get("expr", "")
        bar = param
        # ruleid: python-code-injection
        result = eval(bar)
        return str(result)

    @bench.route("/bench/codeinj-02", methods=["POST"])
    def codeinj_02():
        param = request.form.get("name", "")
        # ruleid: python-code-injection
        exec(f"greeting = 'Hello {param}'")
        return "ok"

    @bench.route("/bench/codeinj-03", methods=["POST"])
    def codeinj_03():
        param = request.args.get("expr", "")
        # ok: python-code-injection
        result = ast.literal_eval(param)
        return str(result)

    @bench.route("/bench/codeinj-04", methods=["POST"])
    def codeinj_04():
        param = request.args.get("expr", "")
        values = {}
        values["keyA"] = "1 + 1"
        values["keyB"] = param
        bar = values["keyA"]
        # ok: python-code-injection
        result = eval(bar)
        return str(result)
