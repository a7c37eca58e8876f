<?php

// ruleid: php-insecure-cookie
setcookie('session', $sid);
// ruleid: php-insecure-cookie
setcookie('session', $sid, time() + 3600, '/', 'example.com');
// ruleid: php-insecure-cookie
setcookie('session', $sid, time() + 3600, '/', 'example.com', false, true);
// ruleid: php-insecure-cookie
setcookie('session', $sid, time() + 3600, '/', 'example.com', true, false);
// ruleid: php-insecure-cookie
setcookie('session', $sid, ['expires' => time() + 3600, 'httponly' => true]);
// ruleid: php-insecure-cookie
ini_set('session.cookie_secure', '0');

// ok: php-insecure-cookie
setcookie('session', $sid, time() + 3600, '/', 'example.com', true, true);
// todook: php-insecure-cookie
setcookie('session', $sid, ['expires' => time() + 3600, 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']);
// ok: php-insecure-cookie
ini_set('session.cookie_secure', '1');
