const libxmljs = require('libxmljs');

function parseUpload(xml) {
  // ruleid: js-xxe
  return libxmljs.parseXml(xml, { noent: true });
}

function parseStrict(xml) {
  // ruleid: js-xxe
  return libxmljs.parseXmlString(xml, { noblanks: true, noent: true, nonet: false });
}

function parseSafe(xml) {
  // ok: js-xxe
  return libxmljs.parseXml(xml, { noent: false, nonet: true });
}

function parseDefault(xml) {
  // ok: js-xxe
  return libxmljs.parseXml(xml);
}

module.exports = { parseUpload, parseStrict, parseSafe, parseDefault };
