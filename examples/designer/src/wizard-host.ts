/**
 * The wizard of the designer: a new <akto-dossier-wizard> on each compiled revision of the definition
 * (the artifact is registered under the dispositif's id, replacing the previous revision), holding the
 * data the designer typed so far, on the same tab, with every message shown when asked.
 */
import { MemoryStore, type DispositifArtifact } from '@akto/engine';
import type { AktoDossierWizard } from '@akto/elements';
import '@akto/elements';

export interface WizardState {
  data: Record<string, unknown>;
  today?: string | undefined;
  tab?: string | undefined;
  /** Show every message at once, as Transmettre does. */
  validated: boolean;
}

/** Resolves once the wizard shows its tabs or its loading failure (false after 10 s). */
async function loaded(el: AktoDossierWizard): Promise<boolean> {
  const end = performance.now() + 10_000;
  while (performance.now() < end) {
    await el.updateComplete;
    if (el.shadowRoot?.querySelector('[role="tablist"], .failure-load')) return true;
    await new Promise((r) => requestAnimationFrame(r));
  }
  return false;
}

export class WizardHost {
  state: WizardState = { data: {}, validated: false };
  private ticket = 0;

  constructor(private readonly container: HTMLElement) {}

  get wizard(): AktoDossierWizard | null {
    return this.container.querySelector('akto-dossier-wizard:not([hidden])');
  }

  /** Removes the wizard (a folder whose definition does not compile was opened). */
  clear(): void {
    this.ticket++;
    this.container.replaceChildren();
  }

  /** Shows `artifact` in a new wizard; resolves once it is ready. */
  async show(artifact: DispositifArtifact): Promise<void> {
    const ticket = ++this.ticket;
    const el = document.createElement('akto-dossier-wizard');
    el.entityId = '40101593800038';
    el.store = new MemoryStore();
    el.data = structuredClone(this.state.data);
    if (this.state.today) el.today = this.state.today;
    if (this.state.tab) el.tab = this.state.tab;
    el.definition = artifact;
    el.addEventListener('dossier-change', (e) => {
      if (ticket === this.ticket) this.state.data = structuredClone((e as CustomEvent<{ data: Record<string, unknown> }>).detail.data);
    });
    el.addEventListener('tab-change', (e) => {
      if (ticket === this.ticket) this.state.tab = (e as CustomEvent<{ tab: string }>).detail.tab;
    });
    // The previous revision stays on screen until this one is ready (no blank while typing).
    el.hidden = true;
    this.container.append(el);
    await loaded(el);
    if (ticket !== this.ticket) return el.remove();
    if (this.state.validated) el.validate();
    await el.updateComplete;
    for (const old of [...this.container.children]) if (old !== el) old.remove();
    el.hidden = false;
  }
}
