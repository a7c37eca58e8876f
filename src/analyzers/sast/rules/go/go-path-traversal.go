package handlers

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gin-gonic/gin"
)

const uploads = "/srv/uploads"

func direct(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go-path-traversal
	data, _ := os.ReadFile(name)
	w.Write(data)
}

func joined(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(uploads, r.FormValue("name"))
	// ruleid: go-path-traversal
	f, _ := os.Open(p)
	defer f.Close()
	io.Copy(w, f)
}

func formatted(w http.ResponseWriter, r *http.Request) {
	p := fmt.Sprintf("%s/%s.txt", uploads, r.URL.Query().Get("doc"))
	// ruleid: go-path-traversal
	http.ServeFile(w, r, p)
}

func remove(target string) error {
	// ruleid: go-path-traversal
	return os.RemoveAll(uploads + "/" + target)
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	remove(r.PostFormValue("dir"))
}

func collection(w http.ResponseWriter, r *http.Request) {
	parts := []string{uploads}
	parts = append(parts, r.URL.Query()["seg"]...)
	// ruleid: go-path-traversal
	os.Create(strings.Join(parts, "/"))
}

func ginDownload(c *gin.Context) {
	// ruleid: go-path-traversal
	c.File(filepath.Join(uploads, c.Param("name")))
}

func baseName(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ok: go-path-traversal
	os.ReadFile(filepath.Join(uploads, name))
}

func cleanedAbsolute(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(uploads, filepath.Clean("/"+r.URL.Query().Get("file")))
	// ok: go-path-traversal
	os.Open(p)
}

func allowListed(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("report")
	if !slices.Contains([]string{"daily.csv", "weekly.csv"}, name) {
		http.Error(w, "unknown report", http.StatusBadRequest)
		return
	}
	// ok: go-path-traversal
	os.Open(filepath.Join(uploads, name))
}

func prefixChecked(w http.ResponseWriter, r *http.Request) {
	p := filepath.Clean(filepath.Join(uploads, r.URL.Query().Get("file")))
	if !strings.HasPrefix(p, uploads+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	// ok: go-path-traversal
	os.Open(p)
}

func constant(w http.ResponseWriter, r *http.Request) {
	// ok: go-path-traversal
	os.ReadFile(filepath.Join(uploads, "index.html"))
}
