<?php

// ruleid: php-weak-cipher
$c1 = openssl_encrypt($data, 'des-ede3-cbc', $key, 0, $iv);
// ruleid: php-weak-cipher
$c2 = openssl_encrypt($data, 'AES-128-ECB', $key);
// ruleid: php-weak-cipher
$c3 = openssl_encrypt($data, 'rc4', $key);
// ruleid: php-weak-cipher
$c4 = mcrypt_encrypt(MCRYPT_RIJNDAEL_128, $key, $data, MCRYPT_MODE_ECB);

// ok: php-weak-cipher
$c5 = openssl_encrypt($data, 'aes-256-gcm', $key, 0, $iv, $tag);
// ok: php-weak-cipher
$c6 = openssl_encrypt($data, 'aes-256-cbc', $key, 0, $iv);
