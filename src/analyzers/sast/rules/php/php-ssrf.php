<?php

use GuzzleHttp\Client;
use Illuminate\Support\Facades\Http;

$url = $_GET['url'];
// ruleid: php-ssrf
$ch = curl_init($url);
curl_exec($ch);

$ch2 = curl_init();
// ruleid: php-ssrf
curl_setopt($ch2, CURLOPT_URL, "http://" . $_POST['host'] . "/status");

function fetch($client, $target)
{
    // ruleid: php-ssrf
    return $client->request('GET', $target);
}
fetch(new Client(), $_GET['feed']);

$hooks = ['callback' => $_POST['callback']];
// ruleid: php-ssrf
Http::post($hooks['callback'], ['ok' => true]);

// fixed host, user value in the path or query only
// ok: php-ssrf
$ch3 = curl_init("https://api.example.com/users/" . rawurlencode($_GET['id']));
// ok: php-ssrf
Http::get('https://api.example.com/search?' . http_build_query(['q' => $_GET['q']]));
// ok: php-ssrf
Http::get('https://api.example.com/users/' . $_GET['id']);
// ok: php-ssrf
$ch4 = curl_init('https://api.example.com/health');

// allow-listed host
$allowed = ['https://a.example.com/feed', 'https://b.example.com/feed'];
if (in_array($_GET['feed'], $allowed, true)) {
    // todook: php-ssrf
    Http::get($_GET['feed']);
}

$feedUrl = "https://" . $_GET['host'];
// ruleid: php-ssrf
$body = file_get_contents($feedUrl);
// ok: php-ssrf
$local = file_get_contents('/etc/app/feed.xml');
