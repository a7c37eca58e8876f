<?php

// ruleid: php-weak-hash
$stored = md5($_POST['password']);
// ruleid: php-weak-hash
$token = sha1(uniqid('', true));
// ruleid: php-weak-hash
$sig = hash_hmac('sha1', $payload, $key);
// ruleid: php-weak-hash
$digest = hash('md5', $data);

// ok: php-weak-hash
$stored = password_hash($_POST['password'], PASSWORD_DEFAULT);
// ok: php-weak-hash
$sig = hash_hmac('sha256', $payload, $key);
// ok: php-weak-hash
$digest = hash('sha256', $data);
