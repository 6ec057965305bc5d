/**
 * Service certificates → one key vault per cloud service that has certificates (D1), referenced by its
 * VMs through `osProfile.secrets` and WinRM HTTPS listeners. Pure.
 *
 * Our choices: `KV-<cs>` (CSES name, D11) at 2015-06-01, SKU standard, enabled for deployment (VMs pull
 * certificates from it), no access policies (the platform's own access is not documented). The
 * certificates themselves are copied by the platform on the data plane — Classic never returns private
 * keys, so no template can carry them; each one is addressed as secret `<algorithm>-<thumbprint>`.
 */
import type { CloudService, ServiceCertificate } from '../classic/compute.schema';
import { childClassicId, cloudServiceClassicId } from './classic-ids';
import { account, addResource, type TranslationContext } from './translation-context';

export interface KeyVaultPlacement {
  id: string;
  name: string;
  /** The secret URL of a certificate of the cloud service, by thumbprint; undefined when unknown. */
  certificateUrl(thumbprint: string): string | undefined;
}

export function certificateSecretName(certificate: ServiceCertificate): string {
  return `${certificate.thumbprintAlgorithm}-${certificate.thumbprint}`.replace(/[^A-Za-z0-9-]/g, '-');
}

export function translateKeyVault(
  ctx: TranslationContext,
  cloudService: CloudService,
  resourceGroup: string,
  location: string,
): KeyVaultPlacement | undefined {
  if (cloudService.certificates.length === 0) return undefined;
  const classicId = cloudServiceClassicId(ctx.subscriptionId, cloudService);
  const request = {
    kind: 'keyVault' as const,
    classicId,
    tokens: { cloudService: cloudService.name, name: cloudService.name, location },
  };
  const name = ctx.namer.nameOf(request);
  const id = addResource(ctx, {
    request,
    resourceGroup,
    type: 'Microsoft.KeyVault/vaults',
    location,
    properties: {
      tenantId: ctx.options.tenantId,
      sku: { family: 'A', name: 'standard' },
      accessPolicies: [],
      enabledForDeployment: true,
      enabledForTemplateDeployment: true,
    },
  });
  const urls = new Map<string, string>();
  for (const certificate of cloudService.certificates) {
    const secret = certificateSecretName(certificate);
    urls.set(
      certificate.thumbprint.toLowerCase(),
      `https://${name.toLowerCase()}.vault.azure.net/secrets/${secret}`,
    );
    account(ctx, {
      classicId: childClassicId(
        classicId,
        'serviceCertificates',
        `${certificate.thumbprintAlgorithm}-${certificate.thumbprint}`,
      ),
      classicType: 'ServiceCertificate',
      name: certificate.thumbprint,
      outcome: 'migrated',
      armIds: [id],
      note: `Copied into key vault ${name} as secret ${secret}`,
    });
  }
  return { id, name, certificateUrl: (thumbprint) => urls.get(thumbprint.toLowerCase()) };
}
