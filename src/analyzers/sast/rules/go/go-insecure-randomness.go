package auth

import (
	crand "crypto/rand"
	"encoding/hex"
	"math/big"
	"math/rand"
)

const letters = "abcdefghijklmnopqrstuvwxyz0123456789"

func newSessionToken() string {
	b := make([]byte, 16)
	for i := range b {
		// ruleid: go-insecure-randomness
		b[i] = letters[rand.Intn(len(letters))]
	}
	return string(b)
}

func resetCode() string {
	buf := make([]byte, 8)
	// ruleid: go-insecure-randomness
	rand.Read(buf)
	return hex.EncodeToString(buf)
}

func issue() int {
	// ruleid: go-insecure-randomness
	otp := rand.Intn(1000000)
	return otp
}

func secureToken() string {
	b := make([]byte, 32)
	// ok: go-insecure-randomness
	crand.Read(b)
	// ok: go-insecure-randomness
	n, _ := crand.Int(crand.Reader, big.NewInt(1000000))
	_ = n
	return hex.EncodeToString(b)
}

func shuffleDeck(deck []int) {
	// Not a secret: a game shuffle.
	// ok: go-insecure-randomness
	order := rand.Perm(len(deck))
	_ = order
}
