import base64
import json
import pickle

import yaml
from flask import Flask, request

app = Flask(__name__)


def decode(blob):
    return base64.b64decode(blob)


@app.route("/session")
def session_state():
    # ruleid: python-unsafe-deserialization
    state = pickle.loads(decode(request.cookies.get("state")))
    return str(state)


@app.route("/upload", methods=["POST"])
def upload():
    data = request.files["model"].read()
    # ruleid: python-unsafe-deserialization
    model = pickle.loads(data)
    return str(model)


@app.route("/config", methods=["POST"])
def config():
    text = request.data.decode("utf-8")
    # ruleid: python-unsafe-deserialization
    cfg = yaml.load(text, Loader=yaml.Loader)
    return str(cfg)


@app.route("/safe", methods=["POST"])
def safe():
    # ok: python-unsafe-deserialization
    a = json.loads(request.data)
    # ok: python-unsafe-deserialization
    b = yaml.safe_load(request.data)
    # ok: python-unsafe-deserialization
    c = yaml.load(request.data, Loader=yaml.SafeLoader)
    with open("/srv/app/cache.pkl", "rb") as fh:
        # ok: python-unsafe-deserialization
        d = pickle.load(fh)
    return str((a, b, c, d))


# Benchmark-shaped Flask cases.
def init(bench):
    @bench.route("/bench/deserialization-01", methods=["POST"])
    def deserialization_01():
        param = request.args.get("obj", "")
        # ruleid: python-unsafe-deserialization
        obj = pickle.loads(base64.urlsafe_b64decode(param))
        return str(obj)

    @bench.route("/bench/deserialization-02", methods=["POST"])
    def deserialization_02():
        param = request.get_data(as_text=True)
        # ruleid: python-unsafe-deserialization
        obj = yaml.load(param, Loader=yaml.Loader)
        return str(obj)

    @bench.route("/bench/deserialization-03", methods=["POST"])
    def deserialization_03():
        param = request.get_data(as_text=True)
        # ok: python-unsafe-deserialization
        obj = yaml.safe_load(param)
        return str(obj)

    @bench.route("/bench/deserialization-04", methods=["POST"])
    def deserialization_04():
        param = request.args.get("obj", "")
        # ok: python-unsafe-deserialization
        obj = json.loads(param)
        return str(obj)
