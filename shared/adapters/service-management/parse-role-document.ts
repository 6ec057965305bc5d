/**
 * Get Role (`<PersistentVMRole>`) → the model's role. Not an import document (a role alone does not
 * say which cloud service and deployment it belongs to); used to read back what `serializeRole` wrote.
 */
import type { Role } from '../../domain/classic/compute.schema';
import { newParseContext } from './parse/parse-context';
import { parseRoleElement } from './parse/parse-role';
import { err, ok, type Result } from './result';
import { DocumentRejection, type ServiceManagementError } from './service-management-error';
import { parseXmlSafely, type XmlLimits } from './xml/safe-xml';

export function parseRoleDocument(
  xml: string | Uint8Array,
  limits: Partial<XmlLimits> = {},
): Result<Role, ServiceManagementError> {
  const document = parseXmlSafely(xml, limits);
  if (!document.ok) return document;
  const { root } = document.value;
  if (root.localName !== 'PersistentVMRole' && root.localName !== 'Role') {
    return err({
      code: 'UnsupportedDocument',
      message: `Expected a PersistentVMRole, got '${root.localName}'.`,
      path: root.path,
    });
  }
  try {
    return ok(parseRoleElement(root, newParseContext()));
  } catch (error) {
    if (error instanceof DocumentRejection) return err(error.error);
    throw error;
  }
}
