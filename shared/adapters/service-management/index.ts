/**
 * The Service Management XML adapter: imports the XML documents users downloaded from Classic Azure
 * into the Classic model, and writes the model back in the exact shape Service Management returned it.
 */
export { type DocumentKind, documentKinds } from './document-readers';
export {
  countInventoryPart,
  type DeploymentOfCloudService,
  type ImportCounts,
  type InventoryPart,
} from './inventory-part';
export { mergeInventory } from './merge-inventory';
export type { ObservedMigrationState } from './parse/parse-context';
export { parseRoleDocument } from './parse-role-document';
export {
  type ParseDocumentOptions,
  type ParsedServiceManagementDocument,
  parseServiceManagementDocument,
} from './parse-service-management-document';
export { identifyWriteBody, type WriteBody } from './requests/identify-write-body';
export { parseAssociationName } from './requests/parse-association-name';
export { type CreateDeploymentOptions, parseCreateDeployment } from './requests/parse-create-deployment';
export { parseCreateHostedService } from './requests/parse-create-hosted-service';
export { parseCreateReservedIp } from './requests/parse-create-reserved-ip';
export { parseDataDiskRequest } from './requests/parse-data-disk-request';
export { parseDeploymentNetworkResource } from './requests/parse-deployment-network-resource';
export {
  parseReservedIpAssociation,
  type ReservedIpAssociationBody,
} from './requests/parse-reserved-ip-association';
export { parseUpdateHostedService } from './requests/parse-update-hosted-service';
export { parseUpdateRole, type UpdateRoleOptions } from './requests/parse-update-role';
export { parseUpdateStorageAccount } from './requests/parse-update-storage-account';
export type { Result } from './result';
export { type DeploymentSerializeOptions, serializeDeployment } from './serialize/serialize-deployment';
export { serializeError } from './serialize/serialize-error';
export { serializeHostedService } from './serialize/serialize-hosted-service';
export {
  type NetworkConfigurationContent,
  serializeNetworkConfiguration,
} from './serialize/serialize-network-configuration';
export {
  serializeNetworkSecurityGroup,
  serializeNetworkSecurityGroups,
} from './serialize/serialize-network-security-group';
export { serializeOperation, type ServiceManagementOperation } from './serialize/serialize-operation';
export { serializeReservedIp, serializeReservedIps } from './serialize/serialize-reserved-ip';
export { serializeRole } from './serialize/serialize-role';
export { serializeRouteTable, serializeRouteTables } from './serialize/serialize-route-table';
export { serializeStorageService, serializeStorageServices } from './serialize/serialize-storage-service';
export {
  serializeValidationMessages,
  type ValidationMessage,
  validationMessageFromFinding,
} from './serialize/serialize-validation-messages';
export { serializeVirtualNetworkSites } from './serialize/serialize-virtual-network-sites';
export {
  type ServiceManagementError,
  type ServiceManagementErrorCode,
  serviceManagementErrorCodes,
} from './service-management-error';
export { defaultXmlLimits, type XmlLimits } from './xml/safe-xml';
