import ldap
from flask import Flask, request
from ldap.filter import escape_filter_chars
from ldap3 import Connection, Server

app = Flask(__name__)
conn = ldap.initialize("ldaps://ldap.example.com")
server = Server("ldap.example.com")


def user_filter(name):
    return "(&(objectClass=person)(uid=%s))" % name


@app.route("/user")
def user():
    # ruleid: python-ldap-injection
    return str(conn.search_s("ou=people,dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=" + request.args["uid"] + ")"))


@app.route("/helper")
def helper():
    query = user_filter(request.args.get("name"))
    # ruleid: python-ldap-injection
    return str(conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, query))


@app.route("/ldap3")
def with_ldap3():
    c = Connection(server, auto_bind=True)
    mail = request.args["mail"]
    # ruleid: python-ldap-injection
    c.search("dc=example,dc=com", f"(mail={mail})", attributes=["cn"])
    return str(c.entries)


@app.route("/safe")
def safe():
    # ok: python-ldap-injection
    a = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(uid=%s)" % escape_filter_chars(request.args["uid"]))
    # ok: python-ldap-injection
    b = conn.search_s("dc=example,dc=com", ldap.SCOPE_SUBTREE, "(objectClass=person)")
    return str((a, b))


# Benchmark-shaped Flask cases.
def init(bench):
    @bench.route("/bench/ldapi-01", methods=["POST"])
    def ldapi_01():
        param = request.args.get("user", "")
        base = "ou=users,ou=system"
        query = f"(&(objectclass=person)(uid={param}))"
        conn = Connection(Server("ldap://127.0.0.1:10389"), auto_bind=True)
        # ruleid: python-ldap-injection
        conn.search(base, query, attributes=["uid", "street"])
        return str(conn.entries)

    @bench.route("/bench/ldapi-02", methods=["POST"])
    def ldapi_02():
        param = request.headers.get("user", "")
        bar = param
        if param:
            bar = param.replace("x", "y")
        conn = Connection(Server("ldap://127.0.0.1:10389"), auto_bind=True)
        # ruleid: python-ldap-injection
        conn.search(search_base="ou=users,ou=system", search_filter="(uid=" + bar + ")")
        return str(conn.entries)

    @bench.route("/bench/ldapi-03", methods=["POST"])
    def ldapi_03():
        param = request.args.get("user", "")
        bar = escape_filter_chars(param)
        conn = Connection(Server("ldap://127.0.0.1:10389"), auto_bind=True)
        # ok: python-ldap-injection
        conn.search("ou=users,ou=system", f"(uid={bar})")
        return str(conn.entries)

    @bench.route("/bench/ldapi-04", methods=["POST"])
    def ldapi_04():
        param = request.args.get("user", "")
        num = 86
        if 7 * 42 - num > 200:
            bar = "This_should_always_happen"
        else:
            bar = param
        conn = Connection(Server("ldap://127.0.0.1:10389"), auto_bind=True)
        # ok: python-ldap-injection
        conn.search("ou=users,ou=system", f"(uid={bar})")
        return str(conn.entries)
