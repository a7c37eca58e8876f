package handlers

import (
	"fmt"
	"net"
	"net/http"
	"net/url"
	"slices"

	"github.com/gin-gonic/gin"
)

func direct(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go-ssrf
	resp, err := http.Get(target)
	if err == nil {
		resp.Body.Close()
	}
}

func withRequest(w http.ResponseWriter, r *http.Request) {
	host := r.Header.Get("X-Backend")
	// ruleid: go-ssrf
	req, _ := http.NewRequestWithContext(r.Context(), "GET", "http://"+host+"/status", nil)
	http.DefaultClient.Do(req)
}

func fetch(u string) (*http.Response, error) {
	// ruleid: go-ssrf
	return http.Post(u, "application/json", nil)
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	fetch(r.FormValue("callback"))
}

func formattedHost(w http.ResponseWriter, r *http.Request) {
	u := fmt.Sprintf("https://%s/api", r.URL.Query().Get("region"))
	// ruleid: go-ssrf
	http.Get(u)
}

func parsed(w http.ResponseWriter, r *http.Request) {
	u, _ := url.Parse(r.URL.Query().Get("feed"))
	// ruleid: go-ssrf
	http.Get(u.String())
}

func dial(w http.ResponseWriter, r *http.Request) {
	addrs := map[string]string{"addr": r.URL.Query().Get("addr")}
	// ruleid: go-ssrf
	net.Dial("tcp", addrs["addr"])
}

func ginProxy(c *gin.Context) {
	// ruleid: go-ssrf
	http.Get(c.Query("next"))
}

func fixedHost(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// ok: go-ssrf
	http.Get("https://api.example.com/users/" + url.PathEscape(id))
	// ok: go-ssrf
	http.Get(fmt.Sprintf("https://api.example.com/users/%s", id))
	// ok: go-ssrf
	http.Get("https://api.example.com/health")
}

func allowListed(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	if slices.Contains([]string{"https://a.example.com/", "https://b.example.com/"}, target) {
		// ok: go-ssrf
		http.Get(target)
	}
}
