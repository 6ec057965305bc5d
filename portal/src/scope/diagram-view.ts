/** The diagram tab: the SVG drawn from the status, built only when the tab is shown (it can be large). */
import type { ScopeStatus } from '../api/types';
import { layoutDiagram } from '../diagram/diagram-layout';
import { diagramModel } from '../diagram/diagram-model';
import { diagramSvg } from '../diagram/diagram-svg';
import { h, replaceChildren } from '../dom/h';
import type { ArmView } from '../model/arm-view';
import type { ClassicView } from '../model/classic-view';

export class DiagramView {
  readonly element = h('div', { class: 'diagram-wrap' });
  #pending: (() => void) | undefined;

  /** Remembers what to draw; draws now if visible, else when {@link drawPending} is called. */
  set(status: ScopeStatus, classic: ClassicView, arm: ArmView, visible: boolean): void {
    this.#pending = () => {
      const model = diagramModel(status, classic, arm);
      replaceChildren(
        this.element,
        h(
          'p',
          { class: 'intro' },
          'Each Classic VM is joined to the Resource Manager VM it becomes; VMs are coloured by cloud service.',
        ),
        h('div', { class: 'diagram-scroll' }, diagramSvg(layoutDiagram(model), model.summary)),
      );
    };
    if (visible) this.drawPending();
  }

  drawPending(): void {
    const draw = this.#pending;
    this.#pending = undefined;
    draw?.();
  }
}
