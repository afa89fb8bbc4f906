import { h } from './dom';
import type { Session } from './session';
import { sessionFromToken } from './session';

/** Labels of the token form, in the page's language. */
export interface TokenFormTexts {
  label: string;
  submit: string;
  invalid: string;
}

/**
 * Sign-in with the same bearer token as the API (production): the token stays in this page's
 * memory only, never in storage, and is sent to the gateway alone.
 */
export function tokenForm(
  texts: TokenFormTexts,
  onSession: (session: Session) => void,
): HTMLElement {
  const input = h('textarea', {
    id: 'token-input',
    rows: 3,
    autocomplete: 'off',
    spellcheck: 'false',
  });
  const problem = h('p', { class: 'error', role: 'alert' });
  return h(
    'form',
    {
      class: 'token-form',
      onsubmit: (event: Event) => {
        event.preventDefault();
        try {
          onSession(sessionFromToken(input.value));
        } catch {
          problem.textContent = texts.invalid;
        }
      },
    },
    h('label', { for: 'token-input' }, texts.label),
    input,
    h('button', { type: 'submit', class: 'primary' }, texts.submit),
    problem,
  );
}
