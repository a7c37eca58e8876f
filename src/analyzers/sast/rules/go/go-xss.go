package handlers

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"
	"github.com/microcosm-cc/bluemonday"
)

var page = template.Must(template.New("p").Parse(`<p>Hello {{.}}</p>`))

func direct(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go-xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", name)
}

func bytesOut(w http.ResponseWriter, r *http.Request) {
	msg := "<p>" + r.FormValue("msg") + "</p>"
	// ruleid: go-xss
	w.Write([]byte(msg))
}

func greeting(name string) string {
	return "<b>" + name + "</b>"
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-xss
	io.WriteString(w, greeting(r.URL.Query().Get("who")))
}

func trusted(w http.ResponseWriter, r *http.Request) {
	bio := r.PostFormValue("bio")
	// ruleid: go-xss
	page.Execute(w, template.HTML(bio))
	// ok: go-xss
	page.Execute(w, bio)
}

func collection(w http.ResponseWriter, r *http.Request) {
	items := []string{}
	for _, v := range r.URL.Query()["item"] {
		items = append(items, "<li>"+v+"</li>")
	}
	for _, item := range items {
		// ruleid: go-xss
		fmt.Fprintln(w, item)
	}
}

func escaped(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ok: go-xss
	fmt.Fprintf(w, "<h1>Hello %s</h1>", html.EscapeString(name))
	safe := template.HTMLEscapeString(r.FormValue("msg"))
	// ok: go-xss
	w.Write([]byte("<p>" + safe + "</p>"))
	policy := bluemonday.UGCPolicy()
	// ok: go-xss
	io.WriteString(w, policy.Sanitize(r.FormValue("comment")))
}

func asJSON(w http.ResponseWriter, r *http.Request) {
	out, _ := json.Marshal(map[string]string{"q": r.URL.Query().Get("q")})
	w.Header().Set("Content-Type", "application/json")
	// ok: go-xss
	w.Write(out)
}

func number(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.URL.Query().Get("n"))
	// ok: go-xss
	fmt.Fprintf(w, "<p>%d</p>", n)
	// ok: go-xss
	fmt.Fprintf(w, "<p>static</p>")
}

func echoPage(c echo.Context) error {
	// ruleid: go-xss
	return c.HTML(http.StatusOK, "<p>"+c.QueryParam("q")+"</p>")
}
