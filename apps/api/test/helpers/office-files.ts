import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * The smallest well-formed office documents, written the way their producers lay them out (OPC
 * package parts for OOXML, the stored `mimetype` first for ODF), and fakes that carry the marker
 * strings type detection looks for without the structure.
 */
const OOXML_MAIN = {
  docx: { folder: 'word', part: 'document.xml', type: 'wordprocessingml.document.main+xml', body: '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p/></w:body></w:document>' },
  xlsx: { folder: 'xl', part: 'workbook.xml', type: 'spreadsheetml.sheet.main+xml', body: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>' },
} as const;

const contentTypes = (kind: keyof typeof OOXML_MAIN) => {
  const main = OOXML_MAIN[kind];
  return strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/${main.folder}/${main.part}" ContentType="application/vnd.openxmlformats-officedocument.${main.type}"/></Types>`,
  );
};

export function ooxml(kind: keyof typeof OOXML_MAIN): Buffer {
  const main = OOXML_MAIN[kind];
  const files: Zippable = {
    '[Content_Types].xml': contentTypes(kind),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main.folder}/${main.part}"/></Relationships>`,
    ),
    [`${main.folder}/${main.part}`]: strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${main.body}`),
  };
  return Buffer.from(zipSync(files));
}

export function odt(): Buffer {
  return Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'META-INF/manifest.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'),
      'content.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2"><office:body><office:text/></office:body></office:document-content>'),
    }),
  );
}

/** ZIPs that type detection by marker strings takes for a DOCX, but no word processor wrote. */
export const FAKE_DOCX = {
  /** Only [Content_Types].xml naming a document part that is not there. */
  markerOnly: Buffer.from(zipSync({ '[Content_Types].xml': contentTypes('docx') })),
  /** The package parts of a DOCX around a spreadsheet's folder. */
  wrongFolder: Buffer.from(zipSync({ '[Content_Types].xml': contentTypes('docx'), '_rels/.rels': strToU8('<Relationships/>'), 'xl/workbook.xml': strToU8('<workbook/>') })),
  /** A real DOCX cut after its first entry: local headers but no central directory. */
  truncated: (() => {
    const whole = ooxml('docx');
    return whole.subarray(0, whole.indexOf(Buffer.from('PK\u0003\u0004'), 4));
  })(),
  /** The marker strings in a file that is no archive at all. */
  textWithMarkers: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('[Content_Types].xml word/document.xml wordprocessingml.document.main+xml"')]),
};
