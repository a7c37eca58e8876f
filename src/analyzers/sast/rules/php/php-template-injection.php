<?php

use Illuminate\Support\Facades\Blade;
use Twig\Environment;
use Twig\Loader\ArrayLoader;

$twig = new Environment(new \Twig\Loader\FilesystemLoader('/var/app/templates'));

// ruleid: php-template-injection
$tpl = $twig->createTemplate("Hello " . $_GET['name']);
echo $tpl->render([]);

function renderString($src)
{
    // ruleid: php-template-injection
    return Blade::render($src, ['user' => 'bob']);
}
renderString($_POST['body']);

// ruleid: php-template-injection
$loader = new ArrayLoader(['page' => $_POST['template']]);

// ruleid: php-template-injection
$smarty->fetch('string:' . $_GET['tpl']);

// user input as data only
// ok: php-template-injection
echo $twig->render('hello.html.twig', ['name' => $_GET['name']]);
// ok: php-template-injection
$tpl2 = $twig->createTemplate('Hello {{ name }}');
// ok: php-template-injection
echo Blade::render('Hello {{ $name }}', ['name' => $_GET['name']]);

$parts = ['header' => '<h1>{{ title }}</h1>', 'body' => $_POST['body']];
// ruleid: php-template-injection
$tpl3 = $twig->createTemplate(implode("\n", $parts));
