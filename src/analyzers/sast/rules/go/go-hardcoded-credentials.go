package config

import (
	"net/http"
	"os"

	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/sessions"
)

// ruleid: go-hardcoded-credentials
const dbPassword = "s3cr3t-Passw0rd"

// ruleid: go-hardcoded-credentials
var stripeAPIKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"

func sign(claims jwt.Claims) (string, error) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	// ruleid: go-hardcoded-credentials
	return token.SignedString([]byte("my-signing-key"))
}

func aws() *credentials.Credentials {
	// ruleid: go-hardcoded-credentials
	return credentials.NewStaticCredentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "")
}

func basic(req *http.Request) {
	// ruleid: go-hardcoded-credentials
	req.SetBasicAuth("admin", "admin123")
}

// ruleid: go-hardcoded-credentials
var store = sessions.NewCookieStore([]byte("super-secret-key"))

type Config struct {
	User     string
	Password string
}

func fromCode() Config {
	// todoruleid: go-hardcoded-credentials
	return Config{User: "app", Password: "hunter2hunter2"}
}

func fromEnv(req *http.Request) Config {
	// ok: go-hardcoded-credentials
	password := os.Getenv("DB_PASSWORD")
	// ok: go-hardcoded-credentials
	secretName := ""
	_ = secretName
	// ok: go-hardcoded-credentials
	req.SetBasicAuth("admin", os.Getenv("ADMIN_PASSWORD"))
	// ok: go-hardcoded-credentials
	return Config{User: "app", Password: password}
}

func local() string {
	// ruleid: go-hardcoded-credentials
	adminPassword := "correct-horse-battery"
	// ok: go-hardcoded-credentials
	passwordField := r()
	_ = passwordField
	return adminPassword
}

func r() string { return "" }
