import re

from flask import Flask, jsonify, request

app = Flask(__name__)
NAMES = ["alice", "bob", "carol"]


def word_pattern(word):
    return "^" + word + "$"


@app.route("/search")
def search():
    # ruleid: python-regex-injection
    pattern = re.compile(request.args["q"], re.IGNORECASE)
    return jsonify([n for n in NAMES if pattern.search(n)])


@app.route("/helper")
def helper():
    # ruleid: python-regex-injection
    return jsonify([n for n in NAMES if re.match(word_pattern(request.args["word"]), n)])


@app.route("/fstring")
def fstring():
    prefix = request.args.get("prefix")
    # ruleid: python-regex-injection
    return jsonify([n for n in NAMES if re.search(f"^{prefix}.*", n)])


@app.route("/safe")
def safe():
    q = request.args.get("q", "")
    # ok: python-regex-injection
    a = re.compile(re.escape(q))
    # ok: python-regex-injection
    b = re.search(r"^[a-z]+$", q)
    # ok: python-regex-injection
    c = re.sub(r"\s+", " ", q)
    return jsonify([bool(a), bool(b), c, q in NAMES])
