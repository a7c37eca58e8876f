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
