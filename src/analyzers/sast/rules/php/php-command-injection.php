<?php

use Symfony\Component\Process\Process;

$host = $_GET['host'];
// ruleid: php-command-injection
$out = shell_exec("ping -c 1 " . $host);

// ruleid: php-command-injection
system("nslookup {$_POST['domain']}");

$file = $_REQUEST['file'];
// ruleid: php-command-injection
exec(sprintf("convert %s out.png", $file), $lines, $status);

function archive($name)
{
    // ruleid: php-command-injection
    passthru("tar czf /tmp/backup.tgz " . $name);
}
archive($_COOKIE['dir']);

$args = ['ls', '-la', $_GET['path']];
// ruleid: php-command-injection
$p = popen(implode(' ', $args), 'r');

// ruleid: php-command-injection
$process = Process::fromShellCommandline('git log ' . $_GET['ref']);

// escaped
// ok: php-command-injection
$out = shell_exec("ping -c 1 " . escapeshellarg($_GET['host']));
$safe = escapeshellarg($_POST['domain']);
// ok: php-command-injection
system("nslookup " . $safe);

// an argument array without a shell
// ok: php-command-injection
$process = new Process(['git', 'log', '--', $_GET['path']]);

// constant and numeric
// ok: php-command-injection
exec("uptime");
$n = (int) $_GET['n'];
// ok: php-command-injection
exec("seq " . $n);
