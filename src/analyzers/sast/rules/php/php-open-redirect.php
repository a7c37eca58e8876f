<?php

use Symfony\Component\HttpFoundation\RedirectResponse;

$next = $_GET['next'];
// ruleid: php-open-redirect
header("Location: " . $next);

// ruleid: php-open-redirect
header("Location: {$_POST['return_to']}", true, 302);

function backTo($url)
{
    // ruleid: php-open-redirect
    return redirect($url);
}
backTo($_GET['back']);

// ruleid: php-open-redirect
$r = new RedirectResponse($_REQUEST['target']);

$targets = [$_GET['a'], $_GET['b']];
// ruleid: php-open-redirect
header('Location: ' . $targets[0]);

// fixed local paths
// ok: php-open-redirect
header("Location: /orders/" . urlencode($_GET['id']));
// ok: php-open-redirect
header("Location: /orders/" . $_GET['id']);
// ok: php-open-redirect
header("Location: /login");
// a header that is not a redirect
// ok: php-open-redirect
header("X-Request-Id: " . $_GET['rid']);

$allowed = ['/home', '/settings'];
if (in_array($next, $allowed, true)) {
    // ok: php-open-redirect
    header("Location: " . $next);
}
