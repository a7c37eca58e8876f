<?php

session_start();

// ruleid: php-trust-boundary-violation
$_SESSION['role'] = $_POST['role'];

$theme = $_GET['theme'];
// ruleid: php-trust-boundary-violation
$_SESSION['theme'] = 'theme-' . $theme;

function remember($key, $value)
{
    // ruleid: php-trust-boundary-violation
    $_SESSION[$key] = $value;
}
remember('lang', $_COOKIE['lang']);

// ruleid: php-trust-boundary-violation
session()->put('user_id', request('user_id'));

// validated or constant values
// ok: php-trust-boundary-violation
$_SESSION['page'] = intval($_GET['page']);
// ok: php-trust-boundary-violation
$_SESSION['visited'] = true;
$cache = [];
// ok: php-trust-boundary-violation
$cache['role'] = $_POST['role'];
