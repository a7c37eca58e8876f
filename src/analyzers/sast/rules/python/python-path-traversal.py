import os

from flask import Flask, request, send_file, send_from_directory
from werkzeug.utils import secure_filename

app = Flask(__name__)
UPLOADS = "/srv/app/uploads"


def upload_path(name):
    return os.path.join(UPLOADS, name)


@app.route("/read")
def read():
    # ruleid: python-path-traversal
    with open("/srv/app/docs/" + request.args["file"]) as fh:
        return fh.read()


@app.route("/helper")
def helper():
    # ruleid: python-path-traversal
    return send_file(upload_path(request.args.get("name")))


@app.route("/fstring")
def fstring():
    name = request.args.get("name")
    # ruleid: python-path-traversal
    with open(f"{UPLOADS}/{name}", "rb") as fh:
        return fh.read()


@app.route("/delete", methods=["POST"])
def delete():
    target = {"dir": request.form["dir"], "file": "out.txt"}
    # ruleid: python-path-traversal
    os.remove(os.path.join(target["dir"], target["file"]))
    return "ok"


@app.route("/files/<path:filename>")
def by_route(filename):
    # ruleid: python-path-traversal
    return send_file(os.path.join(UPLOADS, filename))


@app.route("/safe")
def safe():
    # ok: python-path-traversal
    a = send_from_directory(UPLOADS, request.args["file"])
    # ok: python-path-traversal
    b = open(os.path.join(UPLOADS, secure_filename(request.args["file"])))
    # ok: python-path-traversal
    c = open(os.path.join(UPLOADS, os.path.basename(request.args["file"])))
    # ok: python-path-traversal
    d = open(os.path.join(UPLOADS, "index.html"))
    return str((a, b, c, d))


@app.route("/allow-list")
def allow_list():
    name = request.args.get("doc")
    if name in ("a.txt", "b.txt"):
        # ok: python-path-traversal
        return open(os.path.join(UPLOADS, name)).read()
    return "no"


@app.route("/prefix-check")
def prefix_check():
    full = os.path.realpath(os.path.join(UPLOADS, request.args["file"]))
    if not full.startswith(UPLOADS + os.sep):
        return "no", 400
    # ok: python-path-traversal
    return open(full).read()


# Benchmark-shaped Flask cases.
import codecs
import pathlib

TESTFILES_DIR = pathlib.Path("/srv/app/testfiles")


def init(bench):
    @bench.route("/bench/pathtraver-01", methods=["POST"])
    def pathtraver_01():
        param = request.args.get("file")
        if not param:
            param = ""
        file_name = os.path.join(str(TESTFILES_DIR), param)
        # ruleid: python-path-traversal
        with open(file_name, "rb") as fd:
            return fd.read()

    @bench.route("/bench/pathtraver-02", methods=["POST"])
    def pathtraver_02():
        param = request.headers.get("file", "")
        file_name = TESTFILES_DIR / param
        # ruleid: python-path-traversal
        fd = open(file_name, "rb")
        return fd.read()

    @bench.route("/bench/pathtraver-03", methods=["POST"])
    def pathtraver_03():
        param = request.form.get("file", "")
        bar = param + "_suffix"
        # ruleid: python-path-traversal
        with codecs.open(f"{TESTFILES_DIR}/{bar}", "r", "utf-8") as fd:
            return fd.read()

    @bench.route("/bench/pathtraver-04", methods=["POST"])
    def pathtraver_04():
        param = request.cookies.get("file", "")
        # ruleid: python-path-traversal
        p = pathlib.Path(str(TESTFILES_DIR) + "/" + param)
        return str(p.exists())

    @bench.route("/bench/pathtraver-05", methods=["POST"])
    def pathtraver_05():
        param = request.args.get("file", "")
        bar = "safe!"
        map1 = {"keyA": "a-Value", "keyB": param}
        bar = map1["keyA"]
        # ok: python-path-traversal
        with open(os.path.join(str(TESTFILES_DIR), bar), "rb") as fd:
            return fd.read()

    @bench.route("/bench/pathtraver-06", methods=["POST"])
    def pathtraver_06():
        param = request.args.get("file", "")
        bar = os.path.basename(param)
        # ok: python-path-traversal
        with open(os.path.join(str(TESTFILES_DIR), bar), "rb") as fd:
            return fd.read()

    @bench.route("/bench/pathtraver-07", methods=["POST"])
    def pathtraver_07():
        param = request.args.get("file", "")
        possible = "ABC"[1]
        if possible == "A":
            bar = param
        elif possible == "B":
            bar = "bob"
        else:
            bar = param
        # ok: python-path-traversal
        with open(os.path.join(str(TESTFILES_DIR), bar), "rb") as fd:
            return fd.read()
