import sqlite3

from django.db import connection
from flask import Flask, request
from sqlalchemy import text

app = Flask(__name__)
db = sqlite3.connect("app.db")


def by_name(name):
    return "SELECT * FROM users WHERE name = '" + name + "'"


def run_lookup(cur, order_id):
    # ruleid: python-sql-injection
    cur.execute("SELECT * FROM orders WHERE id = %s" % order_id)
    return cur.fetchall()


@app.route("/direct")
def direct():
    cur = db.cursor()
    # ruleid: python-sql-injection
    cur.execute("SELECT * FROM users WHERE id = '" + request.args["id"] + "'")
    return str(cur.fetchall())


@app.route("/fstring")
def fstring():
    uid = request.args.get("id")
    cur = db.cursor()
    # ruleid: python-sql-injection
    cur.execute(f"SELECT * FROM users WHERE id = {uid}")
    return str(cur.fetchall())


@app.route("/format", methods=["POST"])
def format_query():
    query = "SELECT * FROM users WHERE email = '{}'".format(request.form["email"])
    # ruleid: python-sql-injection
    db.execute(query)
    return "ok"


@app.route("/helper")
def helper():
    # ruleid: python-sql-injection
    rows = db.execute(by_name(request.args.get("name"))).fetchall()
    run_lookup(db.cursor(), request.args.get("order"))
    return str(rows)


@app.route("/collection")
def collection():
    clauses = ["active = 1"]
    clauses.append("owner = '%s'" % request.args.get("owner"))
    sql = "SELECT * FROM items WHERE " + " AND ".join(clauses)
    # ruleid: python-sql-injection
    db.execute(sql)
    filters = {"sort": request.args.get("sort")}
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM items ORDER BY " + filters["sort"])
    return "ok"


@app.route("/user/<username>")
def by_route_param(username):
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM users WHERE name = '%s'" % username)
    return "ok"


def django_view(request):
    name = request.GET.get("name")
    with connection.cursor() as cursor:
        # ruleid: python-sql-injection
        cursor.execute("SELECT * FROM auth_user WHERE username = '" + name + "'")
    # ruleid: python-sql-injection
    users = User.objects.raw("SELECT * FROM auth_user WHERE last_name = '%s'" % request.POST["last"])
    return list(users)


@app.route("/sqlalchemy")
def sqlalchemy_query():
    # ruleid: python-sql-injection
    stmt = text("SELECT * FROM users WHERE name = '" + request.args["name"] + "'")
    # ok: python-sql-injection
    safe = text("SELECT * FROM users WHERE name = :name")
    return str((stmt, safe))


@app.route("/safe")
def safe():
    cur = db.cursor()
    # ok: python-sql-injection
    cur.execute("SELECT * FROM users WHERE id = ?", (request.args["id"],))
    # ok: python-sql-injection
    cur.execute("SELECT * FROM users WHERE name = %(name)s", {"name": request.args["name"]})
    limit = int(request.args.get("limit", "10"))
    # ok: python-sql-injection
    cur.execute("SELECT * FROM users LIMIT %d" % limit)
    order = request.args.get("order")
    order = "name"
    # ok: python-sql-injection
    cur.execute("SELECT * FROM users ORDER BY " + order)
    # ok: python-sql-injection
    cur.execute("SELECT COUNT(*) FROM users")
    column = {"name": "name", "created": "created_at"}.get(request.args.get("sort"), "name")
    # ok: python-sql-injection
    cur.execute("SELECT * FROM users ORDER BY " + column)
    if request.args.get("kind") in ("a", "b"):
        kind = request.args.get("kind")
        # todook: python-sql-injection
        cur.execute("SELECT * FROM t WHERE kind = '%s'" % kind)
    return "ok"


@app.get("/items/<item_id>")
def fastapi_style(item_id):
    # ruleid: python-sql-injection
    db.execute("SELECT * FROM items WHERE id = '" + item_id + "'")
    return "ok"
