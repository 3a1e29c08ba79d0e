// Renders the resident panel for the current state: intro, block card, report form, receipt, my reports.
import { t } from '../i18n/i18n';
import { findReceipt, saveReceipt } from '../state/receipts';
import type { Panel, Store } from '../state/store';
import { blockCardBody, outsideBody } from '../ui/block-card';
import { h } from '../ui/dom';
import { myReportsBody } from '../ui/my-reports';
import { errorBox, loadingLine, showCard } from '../ui/panel';
import { receiptBody } from '../ui/receipt-view';
import { newDraft, type ReportDraft } from '../ui/report-draft';
import { reportFormBody } from '../ui/report-form';
import type { Lookup } from './pin-lookup';

export interface ResidentPanel {
  render(options?: { focus?: boolean }): void;
}

export function createResidentPanel(
  panel: HTMLElement,
  store: Store,
  lookup: () => Lookup,
  retry: () => void,
): ResidentPanel {
  let draft: ReportDraft = newDraft();
  /** Set when a report was just sent: the next receipt render says so. */
  let justSent = false;
  const go = (p: Panel) => store.set({ panel: p });
  const clearPin = () => store.set({ pin: null, panel: { kind: 'intro' } });

  function render(options: { focus?: boolean } = {}): void {
    const { panel: p } = store.get();
    const l = lookup();
    const focus = options.focus;
    const sent = justSent;
    justSent = false;
    if (p.kind === 'reports') {
      showCard(panel, {
        title: t('reports.title'),
        body: myReportsBody(
          (id) => go({ kind: 'receipt', id }),
          () => render(),
        ),
        onClose: () => go(store.get().pin ? { kind: 'block' } : { kind: 'intro' }),
        focus,
      });
      return;
    }
    if (p.kind === 'receipt') {
      const r = findReceipt(p.id);
      showCard(panel, {
        title: t('receipt.title'),
        body: r ? receiptBody(r, sent) : [h('p', { class: 'empty' }, t('reports.empty'))],
        onBack: () => go({ kind: 'reports' }),
        onClose: () => go(store.get().pin ? { kind: 'block' } : { kind: 'intro' }),
        focus,
      });
      return;
    }
    if (l.kind === 'none') {
      showCard(panel, {
        title: t('intro.title'),
        body: [h('p', {}, t('intro.body')), h('p', { class: 'muted' }, t('intro.tip'))],
        focus,
      });
      return;
    }
    if (l.kind === 'loading') {
      showCard(panel, {
        title: t('pin.looking'),
        body: [loadingLine(t('pin.looking'))],
        busy: true,
        onClose: clearPin,
      });
      return;
    }
    if (l.kind === 'outside') {
      showCard(panel, {
        title: t('pin.outsideTitle'),
        body: outsideBody(l.message, l.details),
        onClose: clearPin,
        focus,
      });
      return;
    }
    if (l.kind === 'error') {
      const detail = l.error.code === 'NETWORK' ? t('app.offline') : l.error.message;
      showCard(panel, {
        title: t('pin.errorTitle'),
        body: [errorBox(t('pin.errorTitle'), detail, retry)],
        onClose: clearPin,
        focus,
      });
      return;
    }
    const detail = l.detail;
    if (p.kind === 'report') {
      showCard(panel, {
        eyebrow: detail.block.properties.name,
        title: t('report.title'),
        body: reportFormBody({
          draft,
          pin: l.pin,
          detail,
          onSubmitted: (created) => {
            saveReceipt({
              id: created.id,
              receipt: created.receipt,
              category: draft.category,
              block: created.block,
              community: created.community.name,
              reported_at: new Date().toISOString(),
              status: created.status,
            });
            draft = newDraft();
            justSent = true;
            go({ kind: 'receipt', id: created.id });
          },
        }),
        onBack: () => go({ kind: 'block' }),
        focus,
      });
      return;
    }
    showCard(panel, {
      eyebrow: t('search.block'),
      title: detail.block.properties.name,
      body: blockCardBody(detail, () => go({ kind: 'report' })),
      onClose: clearPin,
      focus,
    });
  }
  return { render };
}
