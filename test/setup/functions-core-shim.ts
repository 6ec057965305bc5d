// Vitest setup: capture @azure/functions registrations instead of letting the library drop them (test mode).
import { installFunctionsCoreShim } from '../../devhost/core-shim';

installFunctionsCoreShim();
