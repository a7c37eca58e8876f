<?php

use Illuminate\Support\Facades\Http;

$ch = curl_init('https://api.example.com');
// ruleid: php-tls-verification-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false);
// ruleid: php-tls-verification-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 0);

// ruleid: php-tls-verification-disabled
$ctx = stream_context_create(['ssl' => ['verify_peer' => false]]);

// ruleid: php-tls-verification-disabled
$client = new GuzzleHttp\Client(['base_uri' => 'https://api.example.com', 'verify' => false]);

// ruleid: php-tls-verification-disabled
$res = Http::withoutVerifying()->get('https://api.example.com');

// ok: php-tls-verification-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, true);
// ok: php-tls-verification-disabled
curl_setopt($ch, CURLOPT_SSL_VERIFYHOST, 2);
// ok: php-tls-verification-disabled
$client = new GuzzleHttp\Client(['verify' => '/etc/ssl/private-ca.pem']);
