package handlers

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/mux"
	"github.com/jmoiron/sqlx"
	"github.com/lib/pq"
	"gorm.io/gorm"
)

var db *sql.DB
var dbx *sqlx.DB
var orm *gorm.DB

type filter struct {
	Name string `json:"name"`
	Sort string `json:"sort"`
}

func direct(w http.ResponseWriter, r *http.Request) {
	// ruleid: go-sql-injection
	rows, _ := db.Query("SELECT * FROM users WHERE id = " + r.URL.Query().Get("id"))
	defer rows.Close()
}

func formatted(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	q := fmt.Sprintf("SELECT * FROM users WHERE name = '%s'", name)
	// ruleid: go-sql-injection
	row := db.QueryRowContext(r.Context(), q)
	_ = row
}

// A helper that builds the statement: the flow goes through its return value.
func deleteStatement(id string) string {
	return "DELETE FROM users WHERE id = " + id
}

func throughHelper(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	// ruleid: go-sql-injection
	db.Exec(deleteStatement(id))
}

// The sink sits in a callee reached with request data.
func runQuery(conn *sql.DB, where string) {
	// ruleid: go-sql-injection
	conn.Query("SELECT * FROM audit WHERE " + where)
}

func throughCallee(w http.ResponseWriter, r *http.Request) {
	runQuery(db, r.Header.Get("X-Filter"))
}

func builder(w http.ResponseWriter, r *http.Request) {
	var sb strings.Builder
	sb.WriteString("SELECT * FROM items WHERE owner = '")
	sb.WriteString(r.PostFormValue("owner"))
	sb.WriteString("'")
	// ruleid: go-sql-injection
	db.Query(sb.String())
}

func collection(w http.ResponseWriter, r *http.Request) {
	conds := []string{"deleted = false"}
	conds = append(conds, "owner = '"+r.URL.Query().Get("owner")+"'")
	// ruleid: go-sql-injection
	dbx.Queryx("SELECT * FROM items WHERE " + strings.Join(conds, " AND "))
}

func decoded(w http.ResponseWriter, r *http.Request) {
	var f filter
	json.NewDecoder(r.Body).Decode(&f)
	// ruleid: go-sql-injection
	db.Query("SELECT * FROM items ORDER BY " + f.Sort)
	// ok: go-sql-injection
	db.Query("SELECT * FROM items WHERE name = $1", f.Name)
}

func parameterised(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	// ok: go-sql-injection
	db.Query("SELECT * FROM users WHERE id = $1", id)
	// ok: go-sql-injection
	dbx.Get(&struct{}{}, "SELECT * FROM users WHERE id = ?", id)
	// ok: go-sql-injection
	db.Exec("UPDATE users SET seen = now()")
}

func numeric(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil {
		return
	}
	// ok: go-sql-injection
	db.Query("SELECT * FROM users LIMIT " + strconv.Itoa(n))
}

func quoted(w http.ResponseWriter, r *http.Request) {
	table := pq.QuoteIdentifier(r.URL.Query().Get("table"))
	// ok: go-sql-injection
	db.Query("SELECT count(*) FROM " + table)
}

func allowListed(w http.ResponseWriter, r *http.Request) {
	columns := map[string]string{"name": "name", "date": "created_at"}
	column, ok := columns[r.URL.Query().Get("sort")]
	if !ok {
		column = "name"
	}
	// ok: go-sql-injection
	db.Query("SELECT * FROM users ORDER BY " + column)
}

func ginHandler(c *gin.Context) {
	user := c.Query("user")
	// ruleid: go-sql-injection
	orm.Raw("SELECT * FROM users WHERE name = '" + user + "'").Scan(&struct{}{})
	// ruleid: go-sql-injection
	orm.Where(fmt.Sprintf("name = '%s'", c.Param("name"))).Find(&struct{}{})
	// ok: go-sql-injection
	orm.Where("name = ?", user).Find(&struct{}{})
}

func ginBound(c *gin.Context) {
	var f filter
	if err := c.ShouldBindJSON(&f); err != nil {
		return
	}
	// todoruleid: go-sql-injection
	orm.Order(f.Sort).Find(&struct{}{})
}

func notARequest(ctx *sql.DB) {
	rows, _ := ctx.Query("SELECT name FROM config")
	defer rows.Close()
	// ok: go-sql-injection
	ctx.Query("SELECT 1")
}

type api struct{ db *gorm.DB }

func (a *api) search(c *gin.Context) {
	term := c.DefaultQuery("q", "")
	// ruleid: go-sql-injection
	a.db.Where("title LIKE '%" + term + "%'").Find(&struct{}{})
}
