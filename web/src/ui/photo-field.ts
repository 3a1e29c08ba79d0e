// The report form's optional photo: uploaded as soon as it is chosen (target, upload, commit), with progress,
// a preview, and removal; the report then carries the committed key.
import { ApiError } from '../api/http';
import { PHOTO_TYPES, uploadPhoto } from '../api/uploads';
import { t } from '../i18n/i18n';
import { h } from './dom';
import type { ReportDraft } from './report-draft';

/** The field's elements; the upload state lives in the draft, so a re-render (language switch) keeps it. */
export function photoField(draft: ReportDraft): HTMLElement {
  const input = h('input', { id: 'report-photo', type: 'file', accept: PHOTO_TYPES.join(',') });
  const status = h('p', { class: 'hint', 'aria-live': 'polite', 'data-testid': 'photo-status' });
  const preview = h('div', { class: 'photo-preview' });
  const remove = h('button', { type: 'button', class: 'link-button', hidden: true }, t('report.photoRemove'));

  const render = () => {
    const p = draft.photo;
    remove.hidden = !p;
    preview.replaceChildren(p ? h('img', { src: p.previewUrl, alt: p.file.name, class: 'photo-thumb' }) : '');
    if (!p) status.textContent = '';
    else if (p.state === 'uploading')
      status.textContent = t('report.photoUploading', { percent: Math.round(p.progress * 100) });
    else if (p.state === 'ready') status.textContent = t('report.photoReady');
    else status.textContent = t('report.photoFailed', { message: p.error ?? '' });
    status.className = p?.state === 'failed' ? 'hint error-detail' : 'hint';
  };

  const start = (file: File) => {
    if (draft.photo) URL.revokeObjectURL(draft.photo.previewUrl);
    const photo: NonNullable<ReportDraft['photo']> = {
      file,
      previewUrl: URL.createObjectURL(file),
      state: 'uploading',
      progress: 0,
      key: null,
      error: null,
      done: Promise.resolve(null),
    };
    draft.photo = photo;
    photo.done = uploadPhoto(file, (share) => {
      photo.progress = share;
      if (draft.photo === photo) render();
    }).then(
      (key) => {
        photo.key = key;
        photo.state = 'ready';
        if (draft.photo === photo) render();
        return key;
      },
      (err) => {
        photo.state = 'failed';
        photo.error =
          err instanceof ApiError ? (err.code === 'NETWORK' ? t('app.offline') : err.message) : String(err);
        if (draft.photo === photo) render();
        return null;
      },
    );
    render();
  };

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) start(file);
  });
  remove.addEventListener('click', () => {
    if (draft.photo) URL.revokeObjectURL(draft.photo.previewUrl);
    draft.photo = null;
    input.value = '';
    render();
  });
  render();
  return h(
    'div',
    { class: 'field' },
    h('label', { for: 'report-photo' }, t('report.photo')),
    input,
    preview,
    status,
    remove,
  );
}
