import urllib.request
from urllib.parse import quote

import requests
from flask import Flask, request

app = Flask(__name__)
SERVICES = {"weather": "https://weather.internal/api", "news": "https://news.internal/api"}


def api_url(host):
    return "https://" + host + "/v1/status"


@app.route("/proxy")
def proxy():
    # ruleid: python-ssrf
    return requests.get(request.args["url"]).text


@app.route("/fstring")
def fstring():
    target = request.args.get("target")
    # ruleid: python-ssrf
    return urllib.request.urlopen(f"http://{target}/health").read()


@app.route("/helper")
def helper():
    # ruleid: python-ssrf
    return requests.post(api_url(request.form["host"]), json={}).text


@app.route("/webhooks", methods=["POST"])
def webhooks():
    hooks = []
    hooks.append(request.json["callback"])
    for hook in hooks:
        # ruleid: python-ssrf
        requests.post(hook, json={"ok": True}, timeout=5)
    return "ok"


@app.route("/safe")
def safe():
    # ok: python-ssrf
    a = requests.get(SERVICES.get(request.args["service"], SERVICES["news"]))
    # ok: python-ssrf
    b = requests.get("https://api.example.com/search?q=" + quote(request.args["q"]))
    # ok: python-ssrf
    c = requests.get("https://api.example.com/status")
    # ok: python-ssrf
    d = requests.get("https://api.example.com/items", params={"id": request.args["id"]})
    return str((a, b, c, d))
