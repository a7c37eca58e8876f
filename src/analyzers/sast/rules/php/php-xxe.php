<?php

$xml = file_get_contents('php://input');
$doc = new DOMDocument();
// ruleid: php-xxe
$doc->loadXML($xml, LIBXML_NOENT);
// ruleid: php-xxe
$doc->loadXML($xml, LIBXML_NOENT | LIBXML_DTDLOAD);
// ruleid: php-xxe
$sx = simplexml_load_string($xml, 'SimpleXMLElement', LIBXML_NOENT);
// ruleid: php-xxe
libxml_disable_entity_loader(false);
$reader = new XMLReader();
// ruleid: php-xxe
$reader->setParserProperty(XMLReader::SUBST_ENTITIES, true);

// ok: php-xxe
$doc->loadXML($xml);
// ok: php-xxe
$doc->loadXML($xml, LIBXML_NONET);
// ok: php-xxe
$sx = simplexml_load_string($xml);
