package handlers

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/antchfx/xmlquery"
	"github.com/antchfx/xpath"
)

var doc *xmlquery.Node

func login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	pass := r.FormValue("pass")
	expr := fmt.Sprintf("//user[name/text()='%s' and password/text()='%s']", user, pass)
	// ruleid: go-xpath-injection
	node := xmlquery.FindOne(doc, expr)
	_ = node
}

func byID(id string) []*xmlquery.Node {
	// ruleid: go-xpath-injection
	return xmlquery.Find(doc, "//item[@id='"+id+"']")
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	byID(r.URL.Query().Get("id"))
}

func compiled(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-xpath-injection
	xpath.MustCompile("count(//" + r.URL.Query().Get("tag") + ")")
}

func constant(w http.ResponseWriter, r *http.Request) {
	// ok: go-xpath-injection
	nodes := xmlquery.Find(doc, "//user[@active='true']")
	name := r.FormValue("user")
	for _, n := range nodes {
		if n.SelectAttr("name") == name {
			w.Write([]byte("found"))
		}
	}
}

func collection(w http.ResponseWriter, r *http.Request) {
	parts := []string{"//order"}
	parts = append(parts, "[@owner='"+r.FormValue("owner")+"']")
	// ruleid: go-xpath-injection
	xmlquery.Find(doc, strings.Join(parts, ""))
}
