<?php

// ruleid: php-insecure-randomness
$token = md5(uniqid(mt_rand(), true));
// ruleid: php-insecure-randomness
$resetCode = rand(100000, 999999);
// ruleid: php-insecure-randomness
$password = substr(str_shuffle('abcdefghijkmnpqrstuvwxyz23456789'), 0, 10);

function makeCsrfValue()
{
    // todoruleid: php-insecure-randomness
    return sha1(mt_rand());
}

// ok: php-insecure-randomness
$token = bin2hex(random_bytes(32));
// ok: php-insecure-randomness
$resetCode = random_int(100000, 999999);
// not a secret
// ok: php-insecure-randomness
$dice = rand(1, 6);
// ok: php-insecure-randomness
$color = $colors[array_rand($colors)];
