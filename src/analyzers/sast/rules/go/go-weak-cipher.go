package crypto

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/rc4"

	"golang.org/x/crypto/blowfish"
)

func legacy(key []byte) {
	// ruleid: go-weak-cipher
	block, _ := des.NewCipher(key[:8])
	_ = block
	// ruleid: go-weak-cipher
	triple, _ := des.NewTripleDESCipher(key[:24])
	_ = triple
	// ruleid: go-weak-cipher
	stream, _ := rc4.NewCipher(key)
	_ = stream
	// ruleid: go-weak-cipher
	bf, _ := blowfish.NewCipher(key)
	_ = bf
}

func modern(key []byte) cipher.AEAD {
	// ok: go-weak-cipher
	block, _ := aes.NewCipher(key)
	// ok: go-weak-cipher
	gcm, _ := cipher.NewGCM(block)
	return gcm
}
