/** The privacy policy inside the extension: PRIVACY.md itself, in the seller's language. */
import { render } from 'preact';
import { pageRoot } from '@/components/page-root';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { privacySection, renderMarkdown } from '@/components/welcome/markdown';
import { t as welcomeT } from '@/lib/i18n/welcome';
import { loadSettings } from '@/lib/browser/settings-store';
import type { Lang } from '@/lib/i18n';
import policy from '../../PRIVACY.md?raw';
import '@/components/page-base.css';
import '../welcome/style.css';

function App() {
  const [lang, setLang] = useState<Lang>();
  useEffect(() => {
    void loadSettings().then((s) => setLang(s.language));
  }, []);
  useEffect(() => {
    if (!lang) return;
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    document.title = welcomeT(lang, 'privacyTitle');
  }, [lang]);
  if (!lang) return null;
  return (
    <div class="page" data-testid="privacy">
      {renderMarkdown(privacySection(policy, lang))}
      <footer>
        <a href={browser.runtime.getURL('/welcome.html')}>{welcomeT(lang, 'welcome')}</a>
      </footer>
    </div>
  );
}

render(<App />, pageRoot());
