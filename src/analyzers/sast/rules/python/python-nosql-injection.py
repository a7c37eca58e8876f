from bson import ObjectId
from flask import Flask, jsonify, request
from pymongo import MongoClient

app = Flask(__name__)
db = MongoClient("mongodb://localhost")["app"]


def owner_filter(owner):
    return {"owner": owner, "deleted": False}


@app.route("/login", methods=["POST"])
def login():
    body = request.get_json()
    # ruleid: python-nosql-injection
    user = db.users.find_one({"username": body["username"], "password": body["password"]})
    return jsonify(ok=user is not None)


@app.route("/search")
def search():
    # ruleid: python-nosql-injection
    docs = db["items"].find(owner_filter(request.args.get("owner")))
    return jsonify(list(docs))


@app.route("/where")
def where():
    owner = request.args["owner"]
    # ruleid: python-nosql-injection
    docs = db.items.find({"$where": "this.owner == '%s'" % owner})
    return jsonify(list(docs))


@app.route("/delete", methods=["POST"])
def delete():
    query = dict(request.json)
    # ruleid: python-nosql-injection
    db.sessions.delete_many(query)
    return "ok"


@app.route("/safe")
def safe():
    # ok: python-nosql-injection
    a = db.users.find_one({"username": str(request.args["username"])})
    # ok: python-nosql-injection
    b = db.users.find_one({"_id": ObjectId(request.args["id"])})
    # ok: python-nosql-injection
    c = db.users.find({"age": int(request.args["age"])})
    # ok: python-nosql-injection
    d = db.users.find({"active": True})
    # ok: python-nosql-injection
    e = request.args.get("q", "").find("x")
    return jsonify([a, b, list(c), list(d), e])
