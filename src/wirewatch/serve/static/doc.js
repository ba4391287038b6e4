// wirewatch document view: choosing an event brings its evidence forward in the text.
'use strict';

function focusEvent(id) {
  for (const node of document.querySelectorAll('#doc-text .focus')) node.classList.remove('focus');
  for (const node of document.querySelectorAll('#doc-events li.selected')) node.classList.remove('selected');
  const spans = [...document.querySelectorAll('#doc-text [data-events]')]
    .filter((node) => node.getAttribute('data-events').split(' ').includes(id));
  for (const node of spans) node.classList.add('focus');
  const item = document.querySelector(`#doc-events li[data-event="${CSS.escape(id)}"]`);
  if (item) item.classList.add('selected');
  if (spans.length) spans[0].scrollIntoView({block: 'center'});
}

document.addEventListener('DOMContentLoaded', () => {
  for (const item of document.querySelectorAll('#doc-events li[data-event]')) {
    const id = item.getAttribute('data-event');
    item.addEventListener('click', () => focusEvent(id));
    item.addEventListener('keydown', (evt) => { if (evt.key === 'Enter') focusEvent(id); });
  }
  if (location.hash.length > 1) focusEvent(decodeURIComponent(location.hash.slice(1)));
});
