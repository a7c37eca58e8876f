package handlers

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"strconv"

	"al.essio.dev/pkg/shellescape"
	"github.com/gin-gonic/gin"
)

func direct(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-command-injection
	exec.Command(r.URL.Query().Get("tool")).Run()
	tool := r.URL.Query().Get("tool")
	// ruleid: go-command-injection
	exec.Command(tool, "--help").Run()
}

func viaShell(w http.ResponseWriter, r *http.Request) {
	host := r.FormValue("host")
	// ruleid: go-command-injection
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+host).Output()
	w.Write(out)
}

func formatted(w http.ResponseWriter, r *http.Request) {
	script := fmt.Sprintf("tar czf /tmp/%s.tgz /data", r.URL.Query().Get("name"))
	// ruleid: go-command-injection
	exec.CommandContext(context.Background(), "/bin/bash", "-c", script).Run()
}

func shellFor(name string) *exec.Cmd {
	// ruleid: go-command-injection
	return exec.Command("bash", "-c", "convert "+name+" out.png")
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	shellFor(r.PostFormValue("file")).Run()
}

func collection(w http.ResponseWriter, r *http.Request) {
	argv := []string{r.URL.Query().Get("cmd"), "--version"}
	// ruleid: go-command-injection
	exec.Command(argv[0], argv[1:]...).Run()
}

func ginRun(c *gin.Context) {
	// ruleid: go-command-injection
	exec.Command("cmd.exe", "/c", "dir "+c.Query("dir")).Run()
}

func argumentOnly(w http.ResponseWriter, r *http.Request) {
	// A fixed program with the value as one argument: no shell parses it.
	// ok: go-command-injection
	exec.Command("git", "log", "--", r.URL.Query().Get("path")).Run()
}

func constant(w http.ResponseWriter, r *http.Request) {
	// ok: go-command-injection
	exec.Command("sh", "-c", "uptime").Run()
	// ok: go-command-injection
	exec.Command("ls", "-la").Run()
}

func quoted(w http.ResponseWriter, r *http.Request) {
	host := shellescape.Quote(r.FormValue("host"))
	// ok: go-command-injection
	exec.Command("sh", "-c", "ping -c 1 "+host).Run()
}

func numeric(w http.ResponseWriter, r *http.Request) {
	n, _ := strconv.Atoi(r.FormValue("n"))
	// ok: go-command-injection
	exec.Command("sh", "-c", "seq "+strconv.Itoa(n)).Run()
}

func allowListed(w http.ResponseWriter, r *http.Request) {
	tools := map[string]string{"disk": "df", "mem": "free"}
	tool, ok := tools[r.URL.Query().Get("tool")]
	if !ok {
		return
	}
	// ok: go-command-injection
	exec.Command(tool, "-h").Run()
}
