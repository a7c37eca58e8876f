import os
import shlex
import subprocess

from flask import Flask, request

app = Flask(__name__)


def archive(name):
    # ruleid: python-command-injection
    os.system("tar czf /tmp/out.tgz " + name)


def ping_command(host):
    return "ping -c 1 %s" % host


@app.route("/ping")
def ping():
    # ruleid: python-command-injection
    return os.popen("ping -c 1 " + request.args["host"]).read()


@app.route("/fstring")
def fstring():
    path = request.args.get("path")
    # ruleid: python-command-injection
    out = subprocess.check_output(f"ls -la {path}", shell=True)
    return out


@app.route("/helper", methods=["POST"])
def helper():
    # ruleid: python-command-injection
    subprocess.call(ping_command(request.form["host"]), shell=True)
    archive(request.form["name"])
    return "ok"


@app.route("/collection", methods=["POST"])
def collection():
    parts = ["convert"]
    parts.append(request.form["file"])
    # ruleid: python-command-injection
    subprocess.run(" ".join(parts), shell=True)
    opts = {"target": request.form["target"]}
    # ruleid: python-command-injection
    os.system("nslookup {}".format(opts["target"]))
    # ruleid: python-command-injection
    subprocess.run(["sh", "-c", "echo " + request.form["msg"]])
    return "ok"


@app.route("/safe")
def safe():
    # ok: python-command-injection
    subprocess.run(["ls", "-la", request.args["dir"]])
    # ok: python-command-injection
    subprocess.check_output(["grep", request.args["term"], "/var/log/app.log"])
    # ok: python-command-injection
    os.system("uptime")
    # ok: python-command-injection
    os.system("ping -c 1 " + shlex.quote(request.args["host"]))
    count = int(request.args.get("count", "10"))
    # ok: python-command-injection
    os.system("head -n %d /var/log/app.log" % count)
    # ok: python-command-injection
    subprocess.run("ls " + request.args["dir"], shell=False)
    return "ok"
