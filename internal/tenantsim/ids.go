package tenantsim

import (
	"crypto/rand"
	"fmt"
)

// newGUID returns a random (version 4) GUID in lower case, as Microsoft prints them.
func newGUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// newSecret returns a client secret shaped like Entra's ("xxx8Q~..." of 40 chars).
func newSecret() string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~"
	var b [37]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	out := make([]byte, 0, 40)
	for i, c := range b {
		if i == 3 {
			out = append(out, '8', 'Q', '~')
		}
		out = append(out, alphabet[int(c)%len(alphabet)])
	}
	return string(out)
}
