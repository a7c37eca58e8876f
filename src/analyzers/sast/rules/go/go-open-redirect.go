package handlers

import (
	"net/http"
	"net/url"
	"slices"

	"github.com/labstack/echo/v4"
)

func direct(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	// ruleid: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func header(w http.ResponseWriter, r *http.Request) {
	target := r.FormValue("return_to")
	// ruleid: go-open-redirect
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusSeeOther)
}

func backTo(w http.ResponseWriter, r *http.Request, to string) {
	// ruleid: go-open-redirect
	http.Redirect(w, r, "//"+to, http.StatusFound)
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	backTo(w, r, r.URL.Query().Get("host"))
}

func collection(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	targets := []string{q.Get("a"), q.Get("b")}
	// ruleid: go-open-redirect
	http.Redirect(w, r, targets[0], http.StatusFound)
}

func echoLogin(c echo.Context) error {
	// ruleid: go-open-redirect
	return c.Redirect(http.StatusFound, c.QueryParam("next"))
}

func fixedPath(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// ok: go-open-redirect
	http.Redirect(w, r, "/orders/"+url.PathEscape(id), http.StatusFound)
	// ok: go-open-redirect
	http.Redirect(w, r, "/orders/"+id, http.StatusFound)
	// ok: go-open-redirect
	http.Redirect(w, r, "/login", http.StatusFound)
}

func allowListed(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if !slices.Contains([]string{"/home", "/settings"}, next) {
		next = "/home"
	}
	// ok: go-open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}
