package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/sessions"
)

func plain(w http.ResponseWriter, token string) {
	// ruleid: go-insecure-cookie
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, Path: "/"})
}

func onlyHttpOnly(w http.ResponseWriter, token string) {
	// ruleid: go-insecure-cookie
	c := http.Cookie{Name: "session", Value: token, HttpOnly: true}
	http.SetCookie(w, &c)
}

func flagsOff(c *http.Cookie, store *sessions.CookieStore) {
	// ruleid: go-insecure-cookie
	c.Secure = false
	// ruleid: go-insecure-cookie
	store.Options.HttpOnly = false
}

func ginCookie(c *gin.Context, token string) {
	// ruleid: go-insecure-cookie
	c.SetCookie("session", token, 3600, "/", "example.com", false, true)
	// ruleid: go-insecure-cookie
	c.SetCookie("session", token, 3600, "/", "example.com", true, false)
	// ok: go-insecure-cookie
	c.SetCookie("session", token, 3600, "/", "example.com", true, true)
}

func secure(w http.ResponseWriter, token string) {
	// ok: go-insecure-cookie
	http.SetCookie(w, &http.Cookie{Name: "session", Value: token, Secure: true, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	// ok: go-insecure-cookie
	opts := &sessions.Options{Path: "/", HttpOnly: true, Secure: true}
	_ = opts
}
