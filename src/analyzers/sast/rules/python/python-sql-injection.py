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


# Benchmark-shaped Flask cases: routes registered inside init(app).
def init(bench):
    @bench.route("/bench/sqli-01", methods=["POST"])
    def sqli_01():
        param = request.form.get("user")
        if not param:
            param = ""
        sql = f"SELECT * FROM USERS WHERE USERNAME='foo' AND PASSWORD='{param}'"
        conn = sqlite3.connect("bench.db")
        cur = conn.cursor()
        # ruleid: python-sql-injection
        cur.execute(sql)
        return str(cur.fetchall())

    @bench.route("/bench/sqli-02", methods=["POST"])
    def sqli_02():
        param = request.headers.get("user", "")
        bar = param.split(" ")[0]
        conn = sqlite3.connect("bench.db")
        # ruleid: python-sql-injection
        conn.executescript("UPDATE USERS SET NOTE='x' WHERE USERNAME='" + bar + "'")
        return "ok"

    @bench.route("/bench/sqli-03", methods=["POST"])
    def sqli_03():
        param = request.get_data(as_text=True)
        conn = sqlite3.connect("bench.db")
        cur = conn.cursor()
        # ruleid: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='%s'" % param)
        return str(cur.fetchall())

    @bench.route("/bench/sqli-04", methods=["POST"])
    def sqli_04():
        param = request.args.get("user", "")
        store = {}
        store["keyA"] = "a-Value"
        store["keyB"] = param
        bar = store["keyB"]
        cur = sqlite3.connect("bench.db").cursor()
        # ruleid: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='{}'".format(bar))
        return str(cur.fetchall())

    @bench.route("/bench/sqli-05", methods=["POST"])
    def sqli_05():
        param = request.args.get("user", "")
        store = {}
        store["keyA"] = "a-Value"
        store["keyB"] = param
        bar = store["keyA"]
        cur = sqlite3.connect("bench.db").cursor()
        # ok: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='{}'".format(bar))
        return str(cur.fetchall())

    @bench.route("/bench/sqli-06", methods=["POST"])
    def sqli_06():
        param = request.args.get("user", "")
        cur = sqlite3.connect("bench.db").cursor()
        # ok: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME=?", (param,))
        return str(cur.fetchall())

    @bench.route("/bench/sqli-07", methods=["POST"])
    def sqli_07():
        param = request.args.get("user", "")
        num = 86
        if 7 * 42 - num > 200:
            bar = "This_should_always_happen"
        else:
            bar = param
        cur = sqlite3.connect("bench.db").cursor()
        # ok: python-sql-injection
        cur.execute(f"SELECT * FROM USERS WHERE USERNAME='{bar}'")
        return str(cur.fetchall())

    @bench.route("/bench/sqli-08", methods=["POST"])
    def sqli_08():
        param = request.args.get("user", "")
        bar = bench_helper(param)
        cur = sqlite3.connect("bench.db").cursor()
        # ok: python-sql-injection
        cur.execute(f"SELECT * FROM USERS WHERE USERNAME='{bar}'")
        return str(cur.fetchall())


def bench_helper(value):
    bar = "safe!"
    if value:
        bar = "constant"
    return bar


def init_more(bench):
    import base64
    import configparser
    import urllib.parse

    @bench.route("/bench/sqli-09", methods=["POST"])
    def sqli_09():
        param = request.args.get("user", "")
        bar = base64.b64decode(base64.b64encode(param.encode("utf-8"))).decode("utf-8")
        cur = sqlite3.connect("bench.db").cursor()
        # ruleid: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='" + bar + "'")
        return str(cur.fetchall())

    @bench.route("/bench/sqli-10", methods=["POST"])
    def sqli_10():
        param = urllib.parse.unquote_plus(request.query_string.decode("utf-8").split("user=")[-1])
        bar = param[::-1][::-1]
        cur = sqlite3.connect("bench.db").cursor()
        # ruleid: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='%(name)s'" % {"name": bar})
        return str(cur.fetchall())

    @bench.route("/bench/sqli-11", methods=["POST"])
    def sqli_11():
        param = request.args.get("user", "")
        conf = configparser.ConfigParser()
        conf.add_section("section")
        conf.set("section", "keyA", "a_Value")
        conf.set("section", "keyB", param)
        bar = conf.get("section", "keyB")
        cur = sqlite3.connect("bench.db").cursor()
        # ruleid: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='" + bar + "'")
        return str(cur.fetchall())

    @bench.route("/bench/sqli-12", methods=["POST"])
    def sqli_12():
        param = request.args.get("user", "")
        conf = configparser.ConfigParser()
        conf.add_section("section")
        conf.set("section", "keyA", "a_Value")
        conf.set("section", "keyB", param)
        bar = conf.get("section", "keyA")
        cur = sqlite3.connect("bench.db").cursor()
        # ok: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='" + bar + "'")
        return str(cur.fetchall())

    @bench.route("/bench/sqli-13", methods=["POST"])
    def sqli_13():
        param = request.args.get("user", "")
        parts = ["safe", param]
        bar = " ".join(parts)
        cur = sqlite3.connect("bench.db").cursor()
        # ruleid: python-sql-injection
        cur.executemany("INSERT INTO AUDIT VALUES ('" + bar + "', ?)", [(1,), (2,)])
        return "ok"

    @bench.route("/bench/sqli-14", methods=["POST"])
    def sqli_14():
        param = request.args.get("user", "")
        lst = ["safe", param, "moresafe"]
        lst.pop(0)
        bar = lst[0]
        cur = sqlite3.connect("bench.db").cursor()
        # ruleid: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='" + bar + "'")
        return str(cur.fetchall())

    @bench.route("/bench/sqli-15", methods=["POST"])
    def sqli_15():
        param = request.args.get("user", "")
        bar = "safe" if param == "" else "constant"
        cur = sqlite3.connect("bench.db").cursor()
        # ok: python-sql-injection
        cur.execute("SELECT * FROM USERS WHERE USERNAME='" + bar + "'")
        return str(cur.fetchall())
