/** The registered functions of the app, classified by the trigger that runs them. */
import { CapturedApp, RegisteredFunction, RpcBindingInfo } from '../core-shim';

export type TriggerKind =
  | 'http'
  | 'serviceBus'
  | 'queue'
  | 'timer'
  | 'eventGrid'
  | 'entity'
  | 'orchestration'
  | 'activity'
  | 'unsupported';

export interface HostedFunction {
  name: string;
  registered: RegisteredFunction;
  triggerBindingName: string;
  trigger: RpcBindingInfo;
  kind: TriggerKind;
}

const kindsByBindingType: Record<string, TriggerKind> = {
  httptrigger: 'http',
  servicebustrigger: 'serviceBus',
  queuetrigger: 'queue',
  timertrigger: 'timer',
  eventgridtrigger: 'eventGrid',
  entitytrigger: 'entity',
  orchestrationtrigger: 'orchestration',
  activitytrigger: 'activity',
};

export function catalogFunctions(app: CapturedApp): HostedFunction[] {
  return [...app.functions.values()].map((registered) => {
    const entry = Object.entries(registered.metadata.bindings).find(([, binding]) =>
      /trigger$/i.test(binding.type),
    );
    if (!entry) throw new Error(`Function '${registered.metadata.name}' has no trigger binding.`);
    const [triggerBindingName, trigger] = entry;
    return {
      name: registered.metadata.name,
      registered,
      triggerBindingName,
      trigger,
      kind: kindsByBindingType[trigger.type.toLowerCase()] ?? 'unsupported',
    };
  });
}

/** A string property of a binding, or undefined. */
export function bindingString(binding: RpcBindingInfo, property: string): string | undefined {
  const value = binding[property];
  return typeof value === 'string' ? value : undefined;
}

export function bindingBoolean(binding: RpcBindingInfo, property: string): boolean | undefined {
  const value = binding[property];
  return typeof value === 'boolean' ? value : undefined;
}
