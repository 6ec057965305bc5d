/**
 * Hostile and broken input: every refusal is a typed error value with a stable code, saying where.
 */
import { describe, expect, it } from 'vitest';

import { parseServiceManagementDocument } from '../../../../shared/adapters/service-management/parse-service-management-document';
import { errorOf, readSample, sampleFiles, valueOf } from './fixtures';

const parse = (xml: string | Uint8Array, options = {}) =>
  parseServiceManagementDocument(xml, { cloudServiceName: 'svc', ...options });

const billionLaughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>&lol9;</Name></Deployment>`;

const minimalDeployment = (name: string) =>
  `<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>${name}</Name></Deployment>`;

describe('When the XML is malformed', () => {
  it('then the error names the open element path, line and column', () => {
    const sample = readSample(sampleFiles.reservedIpDeployment);
    const secondEnd = sample.lastIndexOf('</ConfigurationSet></ConfigurationSets>');
    const broken = `${sample.slice(0, secondEnd)}</ConfigurationSet>${sample.slice(secondEnd + '</ConfigurationSet></ConfigurationSets>'.length)}`;
    const error = errorOf(parse(broken));
    expect(error).toMatchObject({
      code: 'MalformedXml',
      path: '/Deployment/RoleList/Role[2]/ConfigurationSets',
      line: 1,
    });
    expect(error.message).toMatch(/ConfigurationSets/);
    expect(error.column).toBeGreaterThan(secondEnd);
  });

  it('then a multi-line document reports the line of the fault', () => {
    const netcfg = readSample(sampleFiles.netcfg).replace(
      '<Subnet name="backend">',
      '<Subnet name="backend>',
    );
    const error = errorOf(parse(netcfg));
    expect(error.code).toBe('MalformedXml');
    expect(error.line).toBeGreaterThanOrEqual(37);
  });

  it.each([
    ['an undefined entity', minimalDeployment('a&nbsp;b'), '/Deployment/Name'],
    ['a character reference XML forbids', minimalDeployment('a&#0;b'), '/Deployment/Name'],
  ])('then %s is refused with the element path', (_case, xml, path) => {
    expect(errorOf(parse(xml))).toMatchObject({ code: 'MalformedXml', path, line: 1 });
  });

  it.each([
    ['an empty document', ''],
    ['two root elements', '<Deployment/><Deployment/>'],
    ['text only', 'not xml at all'],
    ['bytes that are not UTF-8', new Uint8Array([0x3c, 0x61, 0xff, 0xfe, 0x3e])],
    ['a name the parser reserves', '<Deployment><__proto__>x</__proto__></Deployment>'],
  ])('then %s is MalformedXml, returned not thrown', (_case, xml) => {
    expect(errorOf(parse(xml)).code).toBe('MalformedXml');
  });
});

describe('When the document declares a DTD or entities', () => {
  it('then a billion-laughs document is refused before any parsing, fast', () => {
    const started = performance.now();
    const error = errorOf(parse(billionLaughs));
    expect(performance.now() - started).toBeLessThan(50);
    expect(error).toMatchObject({ code: 'DtdNotAllowed', line: 2 });
  });

  it.each([
    ['an internal subset', '<!DOCTYPE Deployment [<!ELEMENT Deployment ANY>]><Deployment/>'],
    ['an external entity', '<!DOCTYPE d SYSTEM "file:///etc/passwd"><Deployment/>'],
    ['a lower-case doctype', '<!doctype Deployment><Deployment/>'],
    ['an entity declaration alone', '<Deployment><!ENTITY x "y"></Deployment>'],
  ])('then %s is DtdNotAllowed', (_case, xml) => {
    expect(errorOf(parse(xml)).code).toBe('DtdNotAllowed');
  });

  it('then the predefined entities and numeric references still decode', () => {
    const parsed = valueOf(
      parse(minimalDeployment('&quot;a&quot; &amp; &lt;b&gt; &apos;c&apos; &#65;&#x263A;&#x1F600;')),
    );
    expect(parsed.inventoryPart.deployments?.[0]?.deployment.name).toBe('"a" & <b> \'c\' A☺😀');
  });

  it('then CDATA is taken literally, not decoded', () => {
    const parsed = valueOf(parse(minimalDeployment('<![CDATA[a &amp; <b>]]>')));
    expect(parsed.inventoryPart.deployments?.[0]?.deployment.name).toBe('a &amp; <b>');
  });
});

describe('When the document is too large or too deep', () => {
  it('then more than 4 MiB is refused by default', () => {
    const padding = `<!--${'x'.repeat(4 * 1024 * 1024)}-->`;
    expect(errorOf(parse(minimalDeployment('a') + padding))).toMatchObject({ code: 'DocumentTooLarge' });
  });

  it('then the size limit is configurable and counts UTF-8 bytes, for strings and bytes', () => {
    const sample = readSample(sampleFiles.probeDeployment);
    expect(errorOf(parse(sample, { limits: { maxBytes: 1000 } })).code).toBe('DocumentTooLarge');
    expect(errorOf(parse(Buffer.from(sample), { limits: { maxBytes: 1000 } })).code).toBe('DocumentTooLarge');
    const wide = minimalDeployment('é'.repeat(600));
    expect(wide.length).toBeLessThan(1000);
    expect(errorOf(parse(wide, { limits: { maxBytes: 1000 } })).code).toBe('DocumentTooLarge');
    expect(valueOf(parse(sample, { limits: { maxBytes: sample.length } })).kind).toBe('Deployment');
  });

  it('then nesting deeper than 64 is refused with the path of the first element too deep', () => {
    const deep = `<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>d</Name>${'<X>'.repeat(64)}${'</X>'.repeat(64)}</Deployment>`;
    const error = errorOf(parse(deep));
    expect(error).toMatchObject({ code: 'DocumentTooDeep', line: 1 });
    expect(error.path).toBe(`/Deployment${'/X'.repeat(64)}`);
    const fits = `<Deployment xmlns="http://schemas.microsoft.com/windowsazure"><Name>d</Name>${'<X>'.repeat(63)}${'</X>'.repeat(63)}</Deployment>`;
    expect(valueOf(parse(fits)).kind).toBe('Deployment');
  });

  it('then the depth limit is configurable', () => {
    const error = errorOf(parse(readSample(sampleFiles.probeDeployment), { limits: { maxDepth: 4 } }));
    expect(error).toMatchObject({
      code: 'DocumentTooDeep',
      path: '/Deployment/RoleInstanceList/RoleInstance/InstanceEndpoints/InstanceEndpoint',
    });
  });

  it('then a hundred thousand nested elements are refused without exhausting the stack', () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    expect(errorOf(parse(deep)).code).toBe('DocumentTooDeep');
  });
});

describe('When the document starts with a UTF-8 byte order mark', () => {
  it('then it is tolerated as a string and as bytes', () => {
    const sample = readSample(sampleFiles.probeDeployment);
    expect(valueOf(parse(`\uFEFF${sample}`)).kind).toBe('Deployment');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]);
    expect(valueOf(parse(bytes)).counts.virtualMachines).toBe(1);
  });
});
