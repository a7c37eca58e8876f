package client

import (
	"crypto/tls"
	"crypto/x509"
	"net/http"
)

func insecureClient() *http.Client {
	tr := &http.Transport{
		// ruleid: go-tls-verification-disabled
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true},
	}
	return &http.Client{Transport: tr}
}

func withOtherFields() *tls.Config {
	// ruleid: go-tls-verification-disabled
	return &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: true}
}

func mutate(cfg *tls.Config) {
	// ruleid: go-tls-verification-disabled
	cfg.InsecureSkipVerify = true
}

func secure(pool *x509.CertPool) *tls.Config {
	// ok: go-tls-verification-disabled
	return &tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12}
}

func explicitFalse(cfg *tls.Config) {
	// ok: go-tls-verification-disabled
	cfg.InsecureSkipVerify = false
	// ok: go-tls-verification-disabled
	_ = &tls.Config{InsecureSkipVerify: false}
}
