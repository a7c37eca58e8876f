package handlers

import (
	"net/http"
	"text/template"
)

func direct(w http.ResponseWriter, r *http.Request) {
	src := "<h1>Hello " + r.URL.Query().Get("name") + "</h1>"
	// ruleid: go-template-injection
	t, _ := template.New("page").Parse(src)
	t.Execute(w, nil)
}

func stepwise(w http.ResponseWriter, r *http.Request) {
	t := template.New("mail")
	body := r.PostFormValue("template")
	// ruleid: go-template-injection
	t.Parse(body)
	t.Execute(w, map[string]string{"user": "bob"})
}

func render(w http.ResponseWriter, text string) {
	// ruleid: go-template-injection
	tmpl := template.Must(template.New("x").Parse(text))
	tmpl.Execute(w, nil)
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	render(w, r.FormValue("tpl"))
}

func dataOnly(w http.ResponseWriter, r *http.Request) {
	// ok: go-template-injection
	t := template.Must(template.New("page").Parse("<h1>Hello {{.}}</h1>"))
	t.Execute(w, r.URL.Query().Get("name"))
}

func collection(w http.ResponseWriter, r *http.Request) {
	sections := map[string]string{"header": "<h1>Shop</h1>", "footer": r.FormValue("footer")}
	// ruleid: go-template-injection
	template.Must(template.New("page").Parse(sections["header"] + sections["footer"]))
}
