package crypto

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"io"
)

func passwordDigest(password string) string {
	// ruleid: go-weak-hash
	sum := md5.Sum([]byte(password))
	return hex.EncodeToString(sum[:])
}

func fileDigest(r io.Reader) []byte {
	// ruleid: go-weak-hash
	h := sha1.New()
	io.Copy(h, r)
	return h.Sum(nil)
}

func sign(key, msg []byte) []byte {
	// ruleid: go-weak-hash
	mac := hmac.New(md5.New, key)
	mac.Write(msg)
	return mac.Sum(nil)
}

func strong(key, msg []byte) ([]byte, [32]byte) {
	// ok: go-weak-hash
	mac := hmac.New(sha256.New, key)
	mac.Write(msg)
	// ok: go-weak-hash
	return mac.Sum(nil), sha256.Sum256(msg)
}
