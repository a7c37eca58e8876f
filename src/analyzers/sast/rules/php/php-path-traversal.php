<?php

$base = '/var/www/uploads/';

$file = $_GET['file'];
// ruleid: php-path-traversal
$data = file_get_contents($base . $file);

// ruleid: php-path-traversal
readfile("/var/www/docs/{$_GET['doc']}.pdf");

function remove($path)
{
    // ruleid: php-path-traversal
    return unlink('/tmp/cache/' . $path);
}
remove($_POST['key']);

$parts = explode('/', $_GET['p']);
$joined = implode('/', $parts);
// ruleid: php-path-traversal
$fh = fopen($base . $joined, 'r');

// ruleid: php-path-traversal
move_uploaded_file($_FILES['doc']['tmp_name'], $base . $_FILES['doc']['name']);

// basename keeps the file name only
// ok: php-path-traversal
readfile($base . basename($_GET['file']));
$name = basename($_POST['key']);
// ok: php-path-traversal
unlink('/tmp/cache/' . $name);

// realpath + prefix check
$real = realpath($base . $_GET['file']);
if ($real === false || strpos($real, $base) !== 0) {
    http_response_code(400);
    exit;
}
// ok: php-path-traversal
readfile($real);

// allow-list
$docs = ['terms' => 'terms.pdf', 'privacy' => 'privacy.pdf'];
$doc = $docs[$_GET['doc']] ?? 'terms.pdf';
// ok: php-path-traversal
readfile('/var/www/docs/' . $doc);
// ok: php-path-traversal
$config = file_get_contents(__DIR__ . '/config.json');
