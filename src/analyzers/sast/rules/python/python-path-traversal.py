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
