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


# Benchmark-shaped Flask cases: routes registered inside init(app), one data-flow trick each.
def init(bench):
    @bench.route("/bench/cmdi-01", methods=["POST"])
    def cmdi_01():
        param = request.args.get("target")
        if not param:
            param = ""
        bar = param
        # ruleid: python-command-injection
        os.system(f"echo {bar}")
        return "ok"

    @bench.route("/bench/cmdi-02", methods=["POST"])
    def cmdi_02():
        param = request.headers.get("target")
        bar = ""
        if param:
            lst = []
            lst.append("safe")
            lst.append(param)
            lst.append("moresafe")
            lst.pop(0)
            bar = lst[0]
        # ruleid: python-command-injection
        proc = subprocess.run("echo " + bar, shell=True, capture_output=True, encoding="utf-8")
        return proc.stdout

    @bench.route("/bench/cmdi-03", methods=["POST"])
    def cmdi_03():
        param = request.cookies.get("target", "noCookieValueSupplied")
        arg_list = []
        if os.name == "nt":
            arg_list.append("cmd.exe")
            arg_list.append("/c")
        else:
            arg_list.append("sh")
            arg_list.append("-c")
        arg_list.append(f"echo {param}")
        # todoruleid: python-command-injection
        proc = subprocess.run(arg_list, capture_output=True, encoding="utf-8")
        return proc.stdout

    @bench.route("/bench/cmdi-04", methods=["POST"])
    def cmdi_04():
        param = request.get_data(as_text=True)
        # ruleid: python-command-injection
        stream = os.popen("ls " + helper_01(param))
        return stream.read()

    @bench.route("/bench/cmdi-05", methods=["POST"])
    def cmdi_05():
        values = request.form.getlist("target")
        param = values[0] if values else ""
        # ruleid: python-command-injection
        proc = subprocess.Popen("echo " + param, shell=True, stdout=subprocess.PIPE)
        return proc.communicate()[0]

    @bench.route("/bench/cmdi-06", methods=["POST"])
    def cmdi_06():
        param = request.args.get("target", "")
        bar = "safe!"
        map12 = {}
        map12["keyA-12"] = "a-Value"
        map12["keyB-12"] = param
        map12["keyC"] = "another-Value"
        bar = map12["keyA-12"]
        # ok: python-command-injection
        os.system(f"echo {bar}")
        return "ok"

    @bench.route("/bench/cmdi-07", methods=["POST"])
    def cmdi_07():
        param = request.args.get("target", "")
        num = 106
        bar = "This_should_always_happen" if 7 * 18 + num > 200 else param
        # ok: python-command-injection
        os.system(f"echo {bar}")
        return "ok"

    @bench.route("/bench/cmdi-08", methods=["POST"])
    def cmdi_08():
        param = request.args.get("target", "")
        bar = ""
        if param:
            lst = ["safe", param, "moresafe"]
            lst.pop(0)
            bar = lst[1]
        # ok: python-command-injection
        os.system(f"echo {bar}")
        return "ok"

    @bench.route("/bench/cmdi-09", methods=["POST"])
    def cmdi_09():
        param = request.args.get("target", "")
        # ok: python-command-injection
        proc = subprocess.run(["echo", param], capture_output=True, encoding="utf-8")
        return proc.stdout

    @bench.route("/bench/cmdi-10", methods=["POST"])
    def cmdi_10():
        param = request.args.get("target", "")
        bar = shlex.quote(param)
        # ok: python-command-injection
        os.system(f"echo {bar}")
        return "ok"

    @bench.route("/bench/cmdi-11", methods=["POST"])
    def cmdi_11():
        count = int(request.args.get("count", "1"))
        # ok: python-command-injection
        os.system(f"tail -n {count} /var/log/app.log")
        return "ok"


def helper_01(value):
    return value.split(" ")[0]
