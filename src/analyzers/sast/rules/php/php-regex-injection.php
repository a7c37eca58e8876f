<?php

$q = $_GET['q'];
// ruleid: php-regex-injection
if (preg_match('/' . $q . '/', $text)) {
    echo 'found';
}

function filterLines($lines, $pattern)
{
    // ruleid: php-regex-injection
    return preg_grep("/$pattern/i", $lines);
}
filterLines(file('/var/log/app.log'), $_POST['pattern']);

// ok: php-regex-injection
preg_match('/' . preg_quote($q, '/') . '/', $text);
// ok: php-regex-injection
preg_match('/^[a-z0-9]+$/', $_GET['user']);

$words = $_GET['words'];
$alternation = '/(' . implode('|', $words) . ')/';
// ruleid: php-regex-injection
$count = preg_match_all($alternation, $text);
