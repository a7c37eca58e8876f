<?php

$expr = $_GET['expr'];
// ruleid: php-code-injection
$result = eval("return " . $expr . ";");

$page = $_GET['page'];
// ruleid: php-code-injection
include "pages/" . $page . ".php";

// ruleid: php-code-injection
require_once $_POST['module'];

function dispatch($action, $args)
{
    // ruleid: php-code-injection
    return call_user_func($action, $args);
}
dispatch($_REQUEST['action'], []);

$handlers = ['fn' => $_GET['callback']];
// ruleid: php-code-injection
call_user_func_array($handlers['fn'], [1, 2]);

// allow-listed page
$pages = ['home' => 'pages/home.php', 'about' => 'pages/about.php'];
$target = $pages[$_GET['page']] ?? 'pages/home.php';
// ok: php-code-injection
include $target;

// constant code and a fixed callable
// ok: php-code-injection
include __DIR__ . '/config.php';
// ok: php-code-injection
call_user_func('strtoupper', $_GET['name']);
// ok: php-code-injection
include "pages/" . basename($_GET['page']) . ".php";
