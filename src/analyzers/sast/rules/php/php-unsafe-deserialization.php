<?php

// ruleid: php-unsafe-deserialization
$prefs = unserialize($_COOKIE['prefs']);

$raw = base64_decode($_POST['state']);
// ruleid: php-unsafe-deserialization
$state = unserialize($raw);

function restore($blob)
{
    // ruleid: php-unsafe-deserialization
    return unserialize(gzuncompress($blob));
}
restore($_GET['cart']);

// ruleid: php-unsafe-deserialization
$cfg = yaml_parse($_POST['config']);

// safe alternatives
// ok: php-unsafe-deserialization
$prefs = json_decode($_COOKIE['prefs'], true);
// ok: php-unsafe-deserialization
$state = unserialize($raw, ['allowed_classes' => false]);
// ok: php-unsafe-deserialization
$cache = unserialize(file_get_contents('/var/cache/app.bin'));

$blobs = ['cart' => $_COOKIE['cart']];
// ruleid: php-unsafe-deserialization
$cart = unserialize(base64_decode($blobs['cart']));
