/** The "pause keeping history" switch: saved at once (the background reads it on every write). */
import type { Lang } from '@/lib/i18n';
import { bound } from '@/lib/i18n';
import { t as welcomeT } from '@/lib/i18n/welcome';

export function PauseSwitch(props: {
  lang: Lang;
  paused: boolean;
  onChange: (paused: boolean) => void;
}) {
  const s = bound(welcomeT, props.lang);
  return (
    <div class="kz-pause" data-testid="pause-history">
      <label>
        <input
          type="checkbox"
          checked={props.paused}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />{' '}
        {s('pauseLabel')}
      </label>
      <p role="status">{props.paused ? s('pauseOn') : s('pauseOff')}</p>
    </div>
  );
}
