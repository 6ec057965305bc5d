/**
 * A Classic VM on its way to ARM: the Classic VM with the Classic ID and the ARM name and ID the naming
 * policy gave it (computed first, because availability sets and NICs point at the VM). Pure.
 */
import type { VirtualMachine } from '../classic/virtual-machines';

export interface TranslatedVm {
  vm: VirtualMachine;
  classicId: string;
  name: string;
  id: string;
}
