/**
 * The first-run page: what Kezhi does on which pages, what it keeps and where, what it never
 * does, each permission and why, the three first steps, and the pause switch. Presentational:
 * the entrypoint passes the manifest's permissions and the settings.
 */
import type { Label, Lang } from '@/lib/i18n';
import { HOST_WHY, OPTIONAL_HOST_WHY, PERMISSION_WHY } from './permissions';
import { PauseSwitch } from './PauseSwitch';
import { bound } from '@/lib/i18n';
import { t as welcomeT } from '@/lib/i18n/welcome';

export interface WelcomeProps {
  lang: Lang;
  permissions: string[];
  hosts: string[];
  optionalHosts: string[];
  paused: boolean;
  onPause: (paused: boolean) => void;
  links: { options: string; importer: string; privacy: string };
}

export function Welcome(p: WelcomeProps) {
  const s = bound(welcomeT, p.lang);
  return (
    <div class="page">
      <h1>{s('title')}</h1>
      <p class="lead">{s('lead')}</p>
      <section>
        <h2>{s('pagesTitle')}</h2>
        <p>{s('pagesBody')}</p>
      </section>
      <section>
        <h2>{s('keepsTitle')}</h2>
        <p>{s('keepsBody')}</p>
        <h2>{s('whereTitle')}</h2>
        <p>{s('whereBody')}</p>
        <h2>{s('neverTitle')}</h2>
        <ul>
          <li>{s('never1')}</li>
          <li>{s('never2')}</li>
          <li>{s('never3')}</li>
        </ul>
      </section>
      <section>
        <h2>{s('pauseTitle')}</h2>
        <PauseSwitch lang={p.lang} paused={p.paused} onChange={p.onPause} />
      </section>
      <section>
        <h2>{s('stepsTitle')}</h2>
        <ol data-testid="first-steps">
          <li>{s('step1')}</li>
          <li>
            {s('step2')} <a href={p.links.importer}>{s('openImport')}</a>
          </li>
          <li>{s('step3')}</li>
        </ol>
      </section>
      <section>
        <h2>{s('permsTitle')}</h2>
        <WhyList testId="permissions" names={p.permissions} why={PERMISSION_WHY} lang={p.lang} />
        <h3>{s('hostsTitle')}</h3>
        <WhyList testId="hosts" names={p.hosts} why={HOST_WHY} lang={p.lang} />
        {p.optionalHosts.length > 0 && (
          <>
            <h3>{s('optionalHosts')}</h3>
            <p>
              {p.optionalHosts.map((h) => (
                <code key={h}>{h} </code>
              ))}
              — {OPTIONAL_HOST_WHY[p.lang]}
            </p>
          </>
        )}
      </section>
      <footer>
        <a href={p.links.options}>{s('openOptions')}</a> ·{' '}
        <a href={p.links.privacy}>{s('privacy')}</a>
      </footer>
    </div>
  );
}

/** Each permission or site with why Kezhi asks for it ("?" where no reason is written). */
function WhyList(props: {
  testId: string;
  names: readonly string[];
  why: Readonly<Record<string, Label | undefined>>;
  lang: Lang;
}) {
  return (
    <dl data-testid={props.testId}>
      {props.names.map((name) => (
        <div key={name}>
          <dt>
            <code>{name}</code>
          </dt>
          <dd>{props.why[name]?.[props.lang] ?? '?'}</dd>
        </div>
      ))}
    </dl>
  );
}
