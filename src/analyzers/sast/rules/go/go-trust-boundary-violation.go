package handlers

import (
	"net/http"
	"strconv"

	"github.com/alexedwards/scs/v2"
	"github.com/gin-contrib/sessions"
	"github.com/gin-gonic/gin"
	gsessions "github.com/gorilla/sessions"
)

var store = gsessions.NewCookieStore([]byte(nil))
var sessionManager *scs.SessionManager

func gorilla(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "app")
	// ruleid: go-trust-boundary-violation
	session.Values["role"] = r.FormValue("role")
	session.Save(r, w)
}

func remember(sess *gsessions.Session, theme string) {
	// ruleid: go-trust-boundary-violation
	sess.Values["theme"] = "t-" + theme
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "app")
	remember(session, r.URL.Query().Get("theme"))
}

func scsPut(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-trust-boundary-violation
	sessionManager.Put(r.Context(), "userID", r.Header.Get("X-User"))
}

func ginSession(c *gin.Context) {
	session := sessions.Default(c)
	// ruleid: go-trust-boundary-violation
	session.Set("lang", c.Query("lang"))
	session.Save()
}

func validated(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "app")
	page, err := strconv.Atoi(r.FormValue("page"))
	if err != nil {
		return
	}
	// ok: go-trust-boundary-violation
	session.Values["page"] = page
	// ok: go-trust-boundary-violation
	session.Values["visited"] = true
	cache := map[string]string{}
	// ok: go-trust-boundary-violation
	cache["role"] = r.FormValue("role")
}

func collection(w http.ResponseWriter, r *http.Request) {
	session, _ := store.Get(r, "app")
	prefs := map[string]string{"lang": r.FormValue("lang")}
	// ruleid: go-trust-boundary-violation
	session.Values["prefs"] = prefs
}
