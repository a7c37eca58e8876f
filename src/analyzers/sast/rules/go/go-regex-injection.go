package handlers

import (
	"net/http"
	"regexp"
	"strings"

	"github.com/dlclark/regexp2"
)

func search(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	// ruleid: go-regex-injection
	re, err := regexp.Compile("^" + q)
	_, _ = re, err
}

func matcher(expr string) *regexp2.Regexp {
	// ruleid: go-regex-injection
	return regexp2.MustCompile(expr, regexp2.None)
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	matcher(r.FormValue("pattern"))
}

func quoted(w http.ResponseWriter, r *http.Request) {
	q := regexp.QuoteMeta(r.URL.Query().Get("q"))
	// ok: go-regex-injection
	regexp.MustCompile("^" + q + "$")
	// ok: go-regex-injection
	regexp.MustCompile(`^[a-z]+$`)
}

func collection(w http.ResponseWriter, r *http.Request) {
	words := r.URL.Query()["word"]
	// ruleid: go-regex-injection
	regexp.MustCompile("(" + strings.Join(words, "|") + ")")
}
