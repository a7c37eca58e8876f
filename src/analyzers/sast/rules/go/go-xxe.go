package handlers

import (
	"encoding/xml"
	"net/http"

	"github.com/lestrrat-go/libxml2/parser"
)

func parseUpload(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-xxe
	p := parser.New(parser.XMLParseNoEnt)
	p.ParseReader(r.Body)
}

func parseWithDTD(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-xxe
	p := parser.New(parser.XMLParseDTDLoad | parser.XMLParseNoBlanks)
	p.ParseReader(r.Body)
}

func parseBoth(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-xxe
	p := parser.New(parser.XMLParseNoEnt, parser.XMLParseDTDLoad)
	p.ParseReader(r.Body)
}

func safe(w http.ResponseWriter, r *http.Request) {
	// ok: go-xxe
	p := parser.New(parser.XMLParseNoBlanks)
	p.ParseReader(r.Body)
	var v struct{ Name string }
	// ok: go-xxe
	xml.NewDecoder(r.Body).Decode(&v)
}
