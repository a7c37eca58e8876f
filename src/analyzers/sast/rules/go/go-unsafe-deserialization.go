package handlers

import (
	"bytes"
	"encoding/base64"
	"encoding/gob"
	"encoding/json"
	"net/http"
	"os"
)

type session struct {
	User  string
	Attrs map[string]interface{}
}

func direct(w http.ResponseWriter, r *http.Request) {
	var s session
	// ruleid: go-unsafe-deserialization
	gob.NewDecoder(r.Body).Decode(&s)
}

func fromCookie(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("state")
	if err != nil {
		return
	}
	raw, _ := base64.StdEncoding.DecodeString(c.Value)
	var s session
	// ruleid: go-unsafe-deserialization
	dec := gob.NewDecoder(bytes.NewReader(raw))
	dec.Decode(&s)
}

func decodeState(data []byte) session {
	var s session
	// ruleid: go-unsafe-deserialization
	gob.NewDecoder(bytes.NewBuffer(data)).Decode(&s)
	return s
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	decodeState([]byte(r.FormValue("state")))
}

func safe(w http.ResponseWriter, r *http.Request) {
	var s session
	// ok: go-unsafe-deserialization
	json.NewDecoder(r.Body).Decode(&s)
	f, _ := os.Open("/var/lib/app/cache.gob")
	// ok: go-unsafe-deserialization
	gob.NewDecoder(f).Decode(&s)
}
