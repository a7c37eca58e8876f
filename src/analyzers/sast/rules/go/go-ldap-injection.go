package handlers

import (
	"fmt"
	"net/http"

	"github.com/go-ldap/ldap/v3"
)

var conn *ldap.Conn

func search(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	req := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		// ruleid: go-ldap-injection
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", user), []string{"dn"}, nil)
	conn.Search(req)
}

func filterFor(name string) string {
	return "(cn=" + name + ")"
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-ldap-injection
	ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, filterFor(r.URL.Query().Get("cn")), nil, nil)
}

func bindDN(w http.ResponseWriter, r *http.Request) {
	dn := "uid=" + r.PostFormValue("user") + ",ou=people,dc=example,dc=com"
	// ruleid: go-ldap-injection
	conn.Bind(dn, r.PostFormValue("password"))
}

func escaped(w http.ResponseWriter, r *http.Request) {
	user := ldap.EscapeFilter(r.FormValue("user"))
	// ok: go-ldap-injection
	ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(uid="+user+")", nil, nil)
	// ok: go-ldap-injection
	conn.Bind("uid="+ldap.EscapeDN(r.PostFormValue("user"))+",ou=people,dc=example,dc=com", r.PostFormValue("password"))
}

func collection(w http.ResponseWriter, r *http.Request) {
	attrs := map[string]string{"mail": r.URL.Query().Get("mail")}
	// ruleid: go-ldap-injection
	ldap.CompileFilter("(mail=" + attrs["mail"] + ")")
}
