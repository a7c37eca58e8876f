package handlers

import (
	"io"
	"net/http"
	"plugin"

	"github.com/dop251/goja"
	"github.com/expr-lang/expr"
	"github.com/traefik/yaegi/interp"
)

func direct(w http.ResponseWriter, r *http.Request) {
	vm := goja.New()
	// ruleid: go-code-injection
	vm.RunString(r.URL.Query().Get("script"))
	script := r.URL.Query().Get("script")
	// ruleid: go-code-injection
	vm.RunString("(function(){" + script + "})()")
}

func body(w http.ResponseWriter, r *http.Request) {
	src, _ := io.ReadAll(r.Body)
	i := interp.New(interp.Options{})
	// ruleid: go-code-injection
	i.Eval(string(src))
}

func rule(formula string) (interface{}, error) {
	// ruleid: go-code-injection
	return expr.Eval("price * "+formula, map[string]interface{}{"price": 10})
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	rule(r.FormValue("factor"))
}

func loadPlugin(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-code-injection
	plugin.Open("/plugins/" + r.URL.Query().Get("name") + ".so")
}

func safe(w http.ResponseWriter, r *http.Request) {
	vm := goja.New()
	vm.Set("input", r.URL.Query().Get("q"))
	// The user value is data in the VM, the script is constant.
	// ok: go-code-injection
	vm.RunString("input.toUpperCase()")
	program, _ := expr.Compile("price * qty")
	// ok: go-code-injection
	expr.Run(program, map[string]interface{}{"qty": r.FormValue("qty"), "price": 3})
}
