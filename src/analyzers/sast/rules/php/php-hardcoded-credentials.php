<?php

// ruleid: php-hardcoded-credentials
$dbPassword = "s3cr3t-Passw0rd";
// ruleid: php-hardcoded-credentials
define('STRIPE_API_KEY', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc');
// ruleid: php-hardcoded-credentials
$pdo = new PDO('mysql:host=db;dbname=app', 'app', 'hunter2');
$config = [
    'host' => 'db',
    // todoruleid: php-hardcoded-credentials
    'password' => 'correct-horse-battery',
];

class Settings
{
    // todoruleid: php-hardcoded-credentials
    const CLIENT_SECRET = 'e0f1a2b3c4d5e6f7';
}

// ok: php-hardcoded-credentials
$dbPassword = getenv('DB_PASSWORD');
// ok: php-hardcoded-credentials
$pdo = new PDO('mysql:host=db;dbname=app', 'app', getenv('DB_PASSWORD'));
// ok: php-hardcoded-credentials
$config = ['password' => env('DB_PASSWORD'), 'host' => 'db'];
// ok: php-hardcoded-credentials
$passwordField = '';
